package io.hatchery.it.locust4j;

import static io.hatchery.protocol.payload.PayloadKeys.COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.CURRENT_CPU_USAGE;
import static io.hatchery.protocol.payload.PayloadKeys.STATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.it.EntryKeys;
import io.hatchery.it.ProtocolPeer;
import io.hatchery.it.ReportedStats;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.HatchPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.ZmqRpcServer;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.wire.StatsErrorMaps;
import io.hatchery.testkit.TestTarget;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Locust4j 1.0.14 worker (G1b) against a scripted master on our plain ROUTER transport: pins
 * every message type and key it sends (protocol.md §3.3, §7.2) and checks that its reports, merged
 * by shared-stats, count exactly the requests the HTTP target answered.
 */
@Timeout(120)
class Locust4jG1bScriptedMasterIT {
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final long REQUEST_BUDGET = 60;
  private static final long USERS = 4;

  @Test
  void locust4j1014SpeaksG1bAndReportsEveryRequestTheTargetServed(@TempDir Path dir)
      throws Exception {
    try (TestTarget target = TestTarget.start();
        ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0);
        Locust4jProcess worker =
            Locust4jProcess.start(
                Locust4jRelease.g1b(),
                dir,
                "127.0.0.1",
                server.port(),
                target.baseUrl(),
                REQUEST_BUDGET)) {
      ProtocolPeer peer = new ProtocolPeer(server);
      ReportedStats reported =
          new ReportedStats(
              ReportedStats.PRE_2_0_REPORT_KEYS, EntryKeys.LOCUST_2, StatsErrorMaps.OCCURRENCES);
      ProtocolPeer.Skipped check = message -> checkBackground(reported, message);

      // Pre-2.0 workers announce themselves with nil; the identity is the payload's node id.
      RpcEvent.Received ready = peer.await(MessageType.CLIENT_READY, STEP, check);
      String nodeId = ready.nodeId();
      assertThat(ready.message().nodeId()).isEqualTo(nodeId).matches(".+_[0-9a-f]{32}");
      assertThat(ClientReadyPayload.from(ready.message().data()).kind())
          .isEqualTo(ClientReadyPayload.Kind.PRE_2_0);

      // No ack exists in G1b; heartbeats start at once and carry state and CPU, no memory.
      RpcEvent.Received heartbeat = peer.await(MessageType.HEARTBEAT, STEP, check);
      assertThat(EntryKeys.keysOf(heartbeat.message().data()))
          .containsExactlyInAnyOrder(STATE, CURRENT_CPU_USAGE);
      assertThat(HeartbeatPayload.from(heartbeat.message().data()).state())
          .isEqualTo(WorkerState.READY);

      HatchPayload spawn =
          new HatchPayload(HatchPayload.Dialect.LOCUST_1_2, 10.0, USERS, target.baseUrl(), null);
      server.send(nodeId, new Message(spawn.dialect().messageType(), spawn.toData(), nodeId));
      assertThat(peer.await(MessageType.SPAWNING, STEP, check).message().data()).isNull();
      RpcEvent.Received spawned = peer.await(MessageType.SPAWNING_COMPLETE, STEP, check);
      assertThat(EntryKeys.keysOf(spawned.message().data())).containsExactlyInAnyOrder(COUNT);
      SpawningCompletePayload complete = SpawningCompletePayload.from(spawned.message().data());
      assertThat(complete.shape()).isEqualTo(SpawningCompletePayload.Shape.COUNT_ONLY);
      assertThat(complete.userCount()).isEqualTo(USERS);

      reported.collectUntil(
          peer,
          check,
          REQUEST_BUDGET,
          STEP,
          () -> "target saw " + target.requestCount() + "\n" + worker.log());

      server.send(nodeId, new Message(MessageType.STOP, null, nodeId));
      peer.await(MessageType.CLIENT_STOPPED, STEP, check);
      RpcEvent.Received readyAgain = peer.await(MessageType.CLIENT_READY, STEP, check);
      assertThat(readyAgain.message().data()).isNull();

      assertThat(reported.userCounts()).last().isEqualTo(USERS);
      assertThat(reported.totalNames()).containsOnly(EntryKeys.LEGACY_TOTAL_NAME);
      StatsEntry hello = reported.stats().find("/hello", "GET").orElseThrow();
      StatsEntry fail = reported.stats().find("/fail", "GET").orElseThrow();
      assertThat(hello.numRequests()).isEqualTo(target.requestCount("/hello")).isPositive();
      assertThat(hello.numFailures()).isZero();
      // Locust4j 1.x logs a failure as an error only: it is never counted as a request.
      assertThat(fail.numRequests()).isZero();
      assertThat(fail.numFailures()).isEqualTo(target.requestCount("/status/500")).isPositive();
      assertThat(target.requestCount()).isEqualTo(REQUEST_BUDGET);
      // Locust4j 1.0.14 keys an error by the MD5 hex of method, name and error text.
      assertThat(reported.stats().errors().keySet())
          .singleElement()
          .asString()
          .matches("[0-9a-f]{32}");
      // Before 2.2.1 Locust4j never clears its error table: each report carries running totals.
      assertThat(reported.errorOccurrencesPerReport())
          .isSorted()
          .last()
          .isEqualTo(fail.numFailures());

      // quit makes it call System.exit(0).
      server.send(nodeId, new Message(MessageType.QUIT, null, nodeId));
      assertThat(worker.awaitExit(STEP)).as(worker.log()).isZero();
      assertThat(peer.seen()).doesNotContain(MessageType.EXCEPTION);
    }
  }

  /** Heartbeats during the run keep the two-key shape; stats are checked and merged. */
  private static void checkBackground(ReportedStats reported, Message message) throws Exception {
    if (message.type().equals(MessageType.HEARTBEAT)) {
      assertThat(EntryKeys.keysOf(message.data()))
          .containsExactlyInAnyOrder(STATE, CURRENT_CPU_USAGE);
    } else if (message.type().equals(MessageType.STATS)) {
      reported.add(message);
    }
  }
}
