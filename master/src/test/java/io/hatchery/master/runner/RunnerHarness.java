package io.hatchery.master.runner;

import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.testkit.InMemoryRpc;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MasterRunner} on an {@link InMemoryRpc} and a {@link ManualClock}, driven from the test
 * thread: {@link #pump()} hands queued worker messages to the runner, {@link #advance} moves time
 * in 100 ms steps running due timers. No threads, no sleeps.
 */
final class RunnerHarness {
  static final long T0_MILLIS = 1_700_000_000_000L;
  static final Duration STEP = Duration.ofMillis(100);

  final InMemoryRpc rpc = new InMemoryRpc();
  final ManualClock clock = new ManualClock(T0_MILLIS);
  final MasterRunner runner;

  RunnerHarness(MasterSettings settings) {
    runner = new MasterRunner(rpc.server(), clock, settings);
  }

  RunnerHarness() {
    this(MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1))));
  }

  /** Connects a worker and sends client_ready with {@code version}, then pumps. */
  InMemoryRpc.Client ready(String nodeId, Object version) {
    InMemoryRpc.Client client = rpc.connect(nodeId);
    send(nodeId, MessageType.CLIENT_READY, version);
    return client;
  }

  /** Sends a message as worker {@code nodeId} (connected or not) and pumps. */
  void send(String nodeId, String type, Object data) {
    rpc.server().inject(received(nodeId, type, data));
    pump();
  }

  /**
   * {@link #send}, but the message is decoded generically, as the inproc and PUSH/PULL transports
   * hand it over (no typed reports or heartbeats).
   */
  void sendGeneric(String nodeId, String type, Object data) {
    Message message = roundTrip(new Message(type, data, nodeId), Map.of());
    rpc.server().inject(new RpcEvent.Received(nodeId, message));
    pump();
  }

  /** The event of a message from worker {@code nodeId}, as the TCP ROUTER hands it over. */
  static RpcEvent received(String nodeId, String type, Object data) {
    return new RpcEvent.Received(
        nodeId, roundTrip(new Message(type, data, nodeId), MasterBuilder.TYPED_READERS));
  }

  void heartbeat(String nodeId, WorkerState state) {
    send(nodeId, MessageType.HEARTBEAT, new HeartbeatPayload(state, 1.5, 1024L).toMap());
  }

  /** Hands every queued event to the runner. */
  void pump() {
    try {
      for (RpcEvent e = rpc.server().receive(Duration.ZERO);
          e != null;
          e = rpc.server().receive(Duration.ZERO)) {
        runner.handle(e);
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Moves time forward in 100 ms steps, running due timers at each. */
  void advance(Duration total) {
    for (long done = 0; done < total.toMillis(); done += STEP.toMillis()) {
      clock.advance(STEP);
      runner.runDue();
    }
  }

  /** Moves time forward while every listed worker heartbeats once a second. */
  void advanceWithHeartbeats(Duration total, WorkerState state, String... nodeIds) {
    for (long done = 0; done < total.toMillis(); done += 1000) {
      for (String id : nodeIds) {
        heartbeat(id, state);
      }
      advance(Duration.ofSeconds(1));
    }
  }

  /** Messages the master sent to {@code nodeId}, of {@code type}, in order. */
  List<Message> sent(String nodeId, String type) {
    return rpc.server().sent().stream()
        .filter(s -> s.nodeId().equals(nodeId) && s.message().type().equals(type))
        .map(InMemoryRpc.Sent::message)
        .toList();
  }

  /** The {@code user_classes_count} of the last spawn sent to {@code nodeId}. */
  @SuppressWarnings("unchecked")
  Map<String, Object> lastSpawnCounts(String nodeId) {
    List<Message> spawns = sent(nodeId, MessageType.SPAWN);
    Map<String, Object> data = (Map<String, Object>) spawns.get(spawns.size() - 1).data();
    return (Map<String, Object>) data.get("user_classes_count");
  }

  /** Replies as a 2.x worker does to its last spawn: spawning, then spawning_complete. */
  void completeLastSpawn(String nodeId) {
    Map<String, Object> counts = new LinkedHashMap<>(lastSpawnCounts(nodeId));
    send(nodeId, MessageType.SPAWNING, null);
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("user_classes_count", counts);
    done.put("user_count", counts.values().stream().mapToLong(v -> (Long) v).sum());
    send(nodeId, MessageType.SPAWNING_COMPLETE, done);
  }

  /** The message encoded, then decoded with {@code readers}. */
  private static Message roundTrip(Message message, Map<String, DataReader> readers) {
    try {
      return io.hatchery.protocol.MessageCodec.decode(
          io.hatchery.protocol.MessageCodec.encode(message),
          io.hatchery.protocol.DecodeLimits.DEFAULT,
          readers);
    } catch (io.hatchery.protocol.ProtocolException e) {
      throw new AssertionError(e);
    }
  }
}
