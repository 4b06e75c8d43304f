package io.hatchery.it;

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
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.wire.StatsReportMaps;
import io.hatchery.testkit.LocustProcess;
import io.hatchery.testkit.PythonLocustfile;
import io.hatchery.testkit.TestTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Python Locust 2.12.1 worker joins our ROUTER transport: our codec, payloads and stats
 * merge must understand everything it sends, and it must accept everything we send. The requests
 * the merged stats count are reconciled with what the HTTP target answered.
 */
@Timeout(120)
class PythonWorkerInteropIT {
  private static final Duration STEP = Duration.ofSeconds(20);

  @Test
  void pythonWorkerRunsUsersAndItsStatsMergeToWhatTheTargetSaw(@TempDir Path dir) throws Exception {
    PythonLocustfile.writeTo(dir);
    RequestStats stats = new RequestStats(InstantSource.system());
    try (TestTarget target = TestTarget.start();
        ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0);
        LocustProcess worker =
            LocustProcess.start(
                dir,
                "-f",
                "locustfile.py",
                "--worker",
                "--master-host",
                "127.0.0.1",
                "--master-port",
                Integer.toString(server.port()))) {
      ProtocolPeer peer = new ProtocolPeer(server);
      ProtocolPeer.Skipped merge = message -> mergeIfStats(stats, message);

      // Debian's package reports an empty version (protocol.md §8.1).
      RpcEvent.Received ready = peer.await(MessageType.CLIENT_READY, STEP, merge);
      String nodeId = ready.nodeId();
      assertThat(ready.message().nodeId()).isEqualTo(nodeId).matches(".+_[0-9a-f]{32}");
      assertThat(ClientReadyPayload.from(ready.message().data()).kind())
          .isEqualTo(ClientReadyPayload.Kind.EMPTY_VERSION);
      server.send(nodeId, new Message(MessageType.ACK, new AckPayload(0L).toData(), nodeId));

      RpcEvent.Received heartbeat = peer.await(MessageType.HEARTBEAT, STEP, merge);
      assertThat(HeartbeatPayload.from(heartbeat.message().data()).state())
          .isEqualTo(WorkerState.READY);

      spawn(server, nodeId, target.baseUrl(), 2);
      peer.await(MessageType.SPAWNING, STEP, merge);
      RpcEvent.Received spawned = peer.await(MessageType.SPAWNING_COMPLETE, STEP, merge);
      assertThat(SpawningCompletePayload.from(spawned.message().data()).userClassesCount())
          .containsExactlyEntriesOf(Map.of(PythonLocustfile.USER_CLASS, 2L));

      while (stats.total().numRequests() < 40) {
        mergeIfStats(stats, peer.await(MessageType.STATS, STEP, merge).message());
      }

      // Down to zero users with a stop timeout: users finish the request in flight, so every
      // request the target answered is in some report.
      spawn(server, nodeId, target.baseUrl(), 0);
      RpcEvent.Received stopped = peer.await(MessageType.SPAWNING_COMPLETE, STEP, merge);
      assertThat(SpawningCompletePayload.from(stopped.message().data()).userCount()).isZero();

      server.send(nodeId, new Message(MessageType.QUIT, null, nodeId));
      peer.await(MessageType.QUIT, STEP, merge);
      assertThat(worker.awaitExit(STEP)).as(worker.log()).isZero();

      StatsEntry hello = stats.find("/hello", "GET").orElseThrow();
      StatsEntry fail = stats.find("/fail", "GET").orElseThrow();
      assertThat(hello.numRequests()).isEqualTo(target.requestCount("/hello"));
      assertThat(hello.numFailures()).isZero();
      assertThat(fail.numRequests()).isEqualTo(target.requestCount("/status/500"));
      assertThat(fail.numFailures()).isEqualTo(fail.numRequests());
      assertThat(stats.total().numRequests()).isEqualTo(target.requestCount());
      assertThat(stats.errors().values())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.name()).isEqualTo("/fail");
                assertThat(error.occurrences()).isEqualTo(fail.numFailures());
              });
    }
  }

  private static void spawn(ZmqRpcServer server, String nodeId, String host, long users) {
    SpawnPayload spawn =
        new SpawnPayload(
            System.currentTimeMillis() / 1000.0,
            Map.of(PythonLocustfile.USER_CLASS, users),
            host,
            10L,
            Map.of());
    server.send(nodeId, new Message(MessageType.SPAWN, spawn.toData(), nodeId));
  }

  private static void mergeIfStats(RequestStats stats, Message message) throws Exception {
    if (message.type().equals(MessageType.STATS)) {
      StatsPayload.from(message.data()); // the envelope-level shape is valid, too
      stats.merge(StatsReportMaps.fromMap((Map<?, ?>) message.data(), stats.nowEpochSeconds()));
    }
  }
}
