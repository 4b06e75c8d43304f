package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.StatsPayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.ZmqRpcServer;
import io.hatchery.stats.wire.StatsEntryMaps;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The worker runtime over real ZeroMQ sockets on loopback: {@link WorkerRuntime#run} connects a
 * DEALER to a {@link ZmqRpcServer} on an ephemeral port that plays the master's part, scripted.
 */
@Timeout(60)
class WorkerRuntimeIT {
  private static final Duration STEP = Duration.ofSeconds(10);

  @Test
  void workerRegistersRunsReportsAndQuitsOverTcp() throws Exception {
    try (ZmqRpcServer master = ZmqRpcServer.bind("127.0.0.1", 0)) {
      FakeScenarioBridge bridge = new FakeScenarioBridge(InstantSource.system());
      WorkerSettings settings = fast(master.port(), Duration.ofSeconds(60), Duration.ofMinutes(5));
      CompletableFuture<Integer> exit = runInBackground(settings, bridge);

      Message ready = await(master, MessageType.CLIENT_READY);
      assertThat(ClientReadyPayload.from(ready.data()).kind())
          .isEqualTo(ClientReadyPayload.Kind.MINUS_ONE);
      String nodeId = ready.nodeId();
      assertThat(nodeId).matches("worker-it_[0-9a-f]{32}");
      master.send(nodeId, new Message(MessageType.ACK, new AckPayload(0L).toData(), nodeId));
      Message heartbeat = await(master, MessageType.HEARTBEAT);
      assertThat(HeartbeatPayload.from(heartbeat.data()).state()).isEqualTo(WorkerState.READY);

      master.send(nodeId, spawn(nodeId, 1.0, 3));
      await(master, MessageType.SPAWNING);
      Message complete = await(master, MessageType.SPAWNING_COMPLETE);
      assertThat(SpawningCompletePayload.from(complete.data()).userCount()).isEqualTo(3);
      assertThat(bridge.runner.userCount()).isEqualTo(3);

      for (int i = 0; i < 10; i++) {
        bridge.stats.record("/over-tcp", "GET", 4.0, 10);
      }
      long reported = 0;
      Instant deadline = Instant.now().plus(STEP);
      while (reported < 10 && Instant.now().isBefore(deadline)) {
        StatsPayload stats = StatsPayload.from(await(master, MessageType.STATS).data());
        reported += (Long) stats.statsTotal().get(StatsEntryMaps.NUM_REQUESTS);
      }
      assertThat(reported).isEqualTo(10);

      bridge.runner.registerMessage(
          "ping", (type, data, id) -> bridge.runner.sendMessage("pong", data));
      master.send(nodeId, new Message("ping", "hello", nodeId));
      assertThat(await(master, "pong").data()).isEqualTo("hello");

      master.send(nodeId, new Message(MessageType.QUIT, null, nodeId));
      List<String> tail = new ArrayList<>();
      while (!tail.contains(MessageType.QUIT)) {
        tail.add(next(master).type());
      }
      assertThat(tail).contains(MessageType.STATS);
      assertThat(exit.get(STEP.toSeconds(), TimeUnit.SECONDS)).isEqualTo(WorkerRuntime.EXIT_OK);
      assertThat(bridge.events).endsWith("test_stop", "quitting");
    }
  }

  @Test
  void stopThenSilentMasterEndsWithExitCode255() throws Exception {
    try (ZmqRpcServer master = ZmqRpcServer.bind("127.0.0.1", 0)) {
      FakeScenarioBridge bridge = new FakeScenarioBridge(InstantSource.system());
      WorkerSettings settings =
          fast(master.port(), Duration.ofMillis(500), Duration.ofMillis(1_500));
      CompletableFuture<Integer> exit = runInBackground(settings, bridge);
      String nodeId = await(master, MessageType.CLIENT_READY).nodeId();
      master.send(nodeId, new Message(MessageType.ACK, new AckPayload(0L).toData(), nodeId));
      master.send(nodeId, spawn(nodeId, 1.0, 2));
      await(master, MessageType.SPAWNING_COMPLETE);

      master.send(nodeId, new Message(MessageType.STOP, null, nodeId));
      await(master, MessageType.CLIENT_STOPPED);
      await(master, MessageType.CLIENT_READY);
      master.send(nodeId, new Message(MessageType.ACK, new AckPayload(0L).toData(), nodeId));
      // One master heartbeat arms the liveness timeout; then the master goes quiet.
      master.send(nodeId, new Message(MessageType.HEARTBEAT, null, nodeId));

      assertThat(exit.get(STEP.toSeconds(), TimeUnit.SECONDS))
          .isEqualTo(WorkerRuntime.EXIT_NO_MASTER);
      assertThat(bridge.events)
          .containsExactly("test_start", "spawning_complete 2", "test_stop", "quitting");
    }
  }

  private static WorkerSettings fast(int port, Duration masterTimeout, Duration lostExitAfter) {
    return new WorkerSettings(
        "127.0.0.1",
        port,
        NodeIds.generate().replaceFirst("^.*_", "worker-it_"),
        Duration.ZERO,
        Duration.ofMillis(100),
        Duration.ofMillis(300),
        Duration.ofMillis(500),
        60,
        masterTimeout,
        lostExitAfter,
        100);
  }

  private static CompletableFuture<Integer> runInBackground(
      WorkerSettings settings, ScenarioBridge bridge) {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                exit.complete(WorkerRuntime.run(settings, bridge));
              } catch (Exception | Error e) {
                exit.completeExceptionally(e);
              }
            });
    return exit;
  }

  private static Message spawn(String nodeId, double timestamp, long users) {
    SpawnPayload spawn = new SpawnPayload(timestamp, Map.of("MyUser", users), null, null, Map.of());
    return new Message(MessageType.SPAWN, spawn.toData(), nodeId);
  }

  private static Message await(ZmqRpcServer master, String type) throws Exception {
    Instant deadline = Instant.now().plus(STEP);
    List<String> seen = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      RpcEvent event = master.receive(Duration.between(Instant.now(), deadline));
      if (event instanceof RpcEvent.Received(String id, Message message)) {
        if (message.type().equals(type)) {
          return message;
        }
        seen.add(message.type());
      }
    }
    throw new AssertionError("no " + type + " within " + STEP + "; saw " + seen);
  }

  private static Message next(ZmqRpcServer master) throws Exception {
    RpcEvent event = master.receive(STEP);
    if (event instanceof RpcEvent.Received(String id, Message message)) {
      return message;
    }
    throw new AssertionError("expected a message, got " + event);
  }
}
