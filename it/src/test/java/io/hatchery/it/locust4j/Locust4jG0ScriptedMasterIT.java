package io.hatchery.it.locust4j;

import static io.hatchery.protocol.payload.PayloadKeys.COUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.it.EntryKeys;
import io.hatchery.it.ProtocolPeer;
import io.hatchery.it.ReportedStats;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.HatchPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.transport.PushPullRpcServer;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.wire.StatsErrorMaps;
import io.hatchery.testkit.TestTarget;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Locust4j 1.0.0 worker (G0: PUSH to P, PULL from P+1) against a scripted master on our
 * plain PUSH/PULL transport: pins every message type and key it sends (protocol.md §1.2, §3.4,
 * §7.2) and checks that its reports, merged by shared-stats, count exactly the requests the HTTP
 * target answered.
 */
@Timeout(120)
class Locust4jG0ScriptedMasterIT {
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final long REQUEST_BUDGET = 60;
  private static final long USERS = 4;

  @Test
  void locust4j100SpeaksG0AndReportsEveryRequestTheTargetServed(@TempDir Path dir)
      throws Exception {
    try (TestTarget target = TestTarget.start();
        PushPullRpcServer server = PushPullRpcServer.bind("127.0.0.1", 0);
        Locust4jProcess worker =
            Locust4jProcess.start(
                Locust4jRelease.g0(),
                dir,
                "127.0.0.1",
                server.port(),
                target.baseUrl(),
                REQUEST_BUDGET)) {
      ProtocolPeer peer = new ProtocolPeer(server);
      ReportedStats reported =
          new ReportedStats(
              ReportedStats.PRE_2_0_REPORT_KEYS,
              EntryKeys.LOCUST_0_9,
              StatsErrorMaps.OCCURENCES_LEGACY);
      ProtocolPeer.Skipped merge = message -> mergeIfStats(reported, message);

      // No identities on PUSH/PULL: the node id travels only in the payload.
      RpcEvent.Received ready = peer.await(MessageType.CLIENT_READY, STEP, merge);
      String nodeId = ready.message().nodeId();
      assertThat(ready.nodeId()).isEqualTo(nodeId);
      assertThat(nodeId).matches(".+_[0-9a-f]{32}");
      assertThat(ClientReadyPayload.from(ready.message().data()).kind())
          .isEqualTo(ClientReadyPayload.Kind.PRE_2_0);

      // A G0 master's messages are not addressed and carry nil as node id.
      HatchPayload hatch =
          new HatchPayload(HatchPayload.Dialect.LOCUST_0, 10.0, USERS, target.baseUrl(), null);
      server.send(nodeId, new Message(hatch.dialect().messageType(), hatch.toData(), null));
      assertThat(peer.await(MessageType.HATCHING, STEP, merge).message().data()).isNull();
      RpcEvent.Received hatched = peer.await(MessageType.HATCH_COMPLETE, STEP, merge);
      assertThat(EntryKeys.keysOf(hatched.message().data())).containsExactlyInAnyOrder(COUNT);
      assertThat(SpawningCompletePayload.from(hatched.message().data()).userCount())
          .isEqualTo(USERS);

      reported.collectUntil(
          peer,
          merge,
          REQUEST_BUDGET,
          STEP,
          () -> "target saw " + target.requestCount() + "\n" + worker.log());

      server.send(nodeId, new Message(MessageType.STOP, null, null));
      peer.await(MessageType.CLIENT_STOPPED, STEP, merge);
      assertThat(peer.await(MessageType.CLIENT_READY, STEP, merge).message().data()).isNull();

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
      // Locust4j 1.0.0 keys an error by the plain concatenation of method, name and error text.
      assertThat(reported.stats().errors()).containsOnlyKeys("GET/failHTTP 500");
      // Before 2.2.1 Locust4j never clears its error table: each report carries running totals.
      assertThat(reported.errorOccurrencesPerReport())
          .isSorted()
          .last()
          .isEqualTo(fail.numFailures());

      // quit makes it call System.exit(0). Its shutdown hook only queues a quit for its sender
      // thread, and the JVM may halt before JeroMQ flushes it: whether the master sees that quit
      // is a race in Locust4j 1.0.0, so only the exit is asserted here.
      server.send(nodeId, new Message(MessageType.QUIT, null, null));
      assertThat(worker.awaitExit(STEP)).as(worker.log()).isZero();
      // G0 has no heartbeats at all.
      assertThat(peer.seen()).doesNotContain(MessageType.HEARTBEAT, MessageType.EXCEPTION);
    }
  }

  private static void mergeIfStats(ReportedStats reported, Message message) throws Exception {
    if (message.type().equals(MessageType.STATS)) {
      reported.add(message);
    }
  }
}
