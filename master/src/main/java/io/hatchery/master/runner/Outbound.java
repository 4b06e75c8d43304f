package io.hatchery.master.runner;

import io.hatchery.master.dispatch.LegacySpawnShare;
import io.hatchery.master.workers.Dialect;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.HatchPayload;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.transport.RpcServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends every master-to-worker message in the dialect of its receiver. A send that fails
 * (transport closed, full queue) is logged, never thrown: one worker's trouble must not stop the
 * control loop.
 *
 * <p>G2 {@code spawn} carries Locust 2.12.1's five keys with a float timestamp that strictly
 * increases across the master's spawns (Python workers drop non-increasing ones). A G0 message
 * carries a nil node id, as Locust 0.9's did. Not thread-safe: used by the control thread.
 */
final class Outbound {
  private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);

  private final RpcServer rpc;
  private final InstantSource clock;
  private final MasterSettings settings;
  private double lastSpawnEpochSeconds;

  Outbound(RpcServer rpc, InstantSource clock, MasterSettings settings) {
    this.rpc = rpc;
    this.clock = clock;
    this.settings = settings;
  }

  void ack(WorkerNode node) {
    send(node, MessageType.ACK, new AckPayload((long) node.index()).toData());
  }

  void heartbeat(WorkerNode node) {
    send(node, MessageType.HEARTBEAT, null);
  }

  void stop(WorkerNode node) {
    send(node, MessageType.STOP, null);
  }

  void quit(WorkerNode node) {
    send(node, MessageType.QUIT, null);
  }

  void reconnect(WorkerNode node) {
    send(node, MessageType.RECONNECT, null);
  }

  /** Answers an unregistered node id (reliability.md §1.4); never sent to G0 peers. */
  void stopUnknown(String nodeId) {
    sendRaw(nodeId, new Message(MessageType.STOP, null, nodeId));
  }

  void custom(WorkerNode node, String type, Object data) {
    send(node, type, data);
  }

  /** Sends a G2 spawn with the absolute per-class targets of this worker. */
  void spawn(WorkerNode node, Map<String, Long> userClassesCount, Optional<String> host) {
    SpawnPayload payload =
        new SpawnPayload(
            nextSpawnTimestamp(),
            userClassesCount,
            host.orElse(null),
            stopTimeoutSeconds(),
            settings.parsedOptions());
    send(node, MessageType.SPAWN, payload.toData());
  }

  /**
   * Sends a pre-2.0 start: {@code spawn} (1.2&ndash;1.6 keys) to G1b workers, {@code hatch} (with
   * both {@code num_clients} for 0.x and {@code num_users} for 1.0&ndash;1.1) to G1 and G0 workers,
   * and both to a worker whose dialect is not known yet.
   */
  void legacyStart(WorkerNode node, LegacySpawnShare share, Optional<String> host) {
    Dialect dialect = node.dialect();
    if (dialect == Dialect.G1B || dialect == Dialect.G1_UNKNOWN) {
      HatchPayload spawn =
          new HatchPayload(
              HatchPayload.Dialect.LOCUST_1_2,
              share.spawnRatePerSecond(),
              share.userCount(),
              host.orElse(null),
              stopTimeoutSeconds());
      send(node, MessageType.SPAWN, spawn.toData());
    }
    if (dialect == Dialect.G1 || dialect == Dialect.G0 || dialect == Dialect.G1_UNKNOWN) {
      Map<String, Object> hatch =
          new HatchPayload(
                  HatchPayload.Dialect.LOCUST_0,
                  share.spawnRatePerSecond(),
                  share.userCount(),
                  host.orElse(null),
                  stopTimeoutSeconds())
              .toMap();
      hatch.put(PayloadKeys.NUM_USERS, share.userCount());
      send(node, MessageType.HATCH, hatch);
    }
  }

  private Number stopTimeoutSeconds() {
    Optional<Duration> timeout = settings.stopTimeout();
    if (timeout.isEmpty()) {
      return null;
    }
    Duration d = timeout.get();
    return d.getNano() == 0 ? (Number) d.getSeconds() : (Number) (d.toNanos() / 1e9);
  }

  private double nextSpawnTimestamp() {
    double now = clock.millis() / 1000.0;
    lastSpawnEpochSeconds = now > lastSpawnEpochSeconds ? now : lastSpawnEpochSeconds + 0.001;
    return lastSpawnEpochSeconds;
  }

  private void send(WorkerNode node, String type, Object data) {
    String payloadNodeId = node.dialect() == Dialect.G0 ? null : node.id();
    sendRaw(node.id(), new Message(type, data, payloadNodeId));
  }

  private void sendRaw(String nodeId, Message message) {
    try {
      if (!rpc.send(nodeId, message)) {
        LOG.warn(
            "Could not queue {} for worker {} (transport closed or full)", message.type(), nodeId);
      }
    } catch (RuntimeException e) {
      LOG.warn("Sending {} to worker {} failed: {}", message.type(), nodeId, e.toString());
    }
  }
}
