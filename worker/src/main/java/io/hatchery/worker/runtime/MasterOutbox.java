package io.hatchery.worker.runtime;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.CustomMessage;
import io.hatchery.protocol.payload.ExceptionPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.RpcClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a worker sends to its master, each message in the shape Locust 2.12.1's worker gives
 * it, addressed with the worker's node id. A message the transport cannot queue (master unreachable
 * for long, or closed) is dropped with a debug log, as Locust's worker logs and moves on.
 *
 * <p>Thread-safety: {@link #custom} may be called from any thread ({@link RpcClient#send} is
 * thread-safe); the other methods belong to the control thread, because they read the resource
 * sampler, the user pool and the statistics recorder's snapshot.
 */
final class MasterOutbox {
  private static final Logger log = LoggerFactory.getLogger(MasterOutbox.class);

  private final RpcClient rpc;
  private final ScenarioBridge bridge;
  private final ResourceUsage resources;
  private final UserClasses userClasses;
  private final String nodeId;

  MasterOutbox(
      RpcClient rpc, ScenarioBridge bridge, ResourceUsage resources, UserClasses userClasses) {
    this.rpc = rpc;
    this.bridge = bridge;
    this.resources = resources;
    this.userClasses = userClasses;
    this.nodeId = rpc.nodeId();
  }

  /** {@code client_ready} with int -1, which every 2.x master accepts without a warning. */
  void clientReady() {
    send(MessageType.CLIENT_READY, ClientReadyPayload.minusOne().toData());
  }

  void heartbeat(WorkerState state) {
    HeartbeatPayload heartbeat =
        new HeartbeatPayload(state, resources.cpuPercentSinceLastCall(), resources.memoryBytes());
    send(MessageType.HEARTBEAT, heartbeat.toData());
  }

  /** The interval's {@code stats}; resets the recorder's interval. */
  void stats() {
    Message report = StatsMessages.report(bridge, userClasses.counts(bridge.users()), nodeId);
    if (!rpc.send(report)) {
      log.debug("Could not queue a stats report for the master");
    }
  }

  void spawning() {
    send(MessageType.SPAWNING, null);
  }

  /** {@code spawning_complete} in the 2.x worker shape: user_classes_count, then user_count. */
  void spawningComplete() {
    SpawningCompletePayload payload =
        SpawningCompletePayload.of(userClasses.counts(bridge.users()));
    send(MessageType.SPAWNING_COMPLETE, payload.toData());
  }

  void clientStopped() {
    send(MessageType.CLIENT_STOPPED, null);
  }

  void quit() {
    send(MessageType.QUIT, null);
  }

  void exception(ExceptionPayload exception) {
    send(MessageType.EXCEPTION, exception.toData());
  }

  /**
   * A custom message ({@code runner.send_message}); any thread.
   *
   * @throws IllegalArgumentException for one of Locust's own types or data the codec cannot encode
   */
  void custom(String type, Object data) {
    rpc.send(new CustomMessage(type, data).toMessage(nodeId));
  }

  private void send(String type, Object data) {
    if (!rpc.send(new Message(type, data, nodeId))) {
      log.debug("Could not queue '{}' for the master (queue full or closed)", type);
    }
  }
}
