package io.hatchery.it.boomer;

import static io.hatchery.protocol.payload.PayloadKeys.COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.CURRENT_CPU_USAGE;
import static io.hatchery.protocol.payload.PayloadKeys.CURRENT_MEMORY_USAGE;
import static io.hatchery.protocol.payload.PayloadKeys.STATE;
import static io.hatchery.protocol.payload.PayloadKeys.USER_CLASSES_COUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.it.EntryKeys;
import io.hatchery.it.ProtocolPeer;
import io.hatchery.it.ReportedStats;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.ZmqRpcServer;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.wire.StatsErrorMaps;
import io.hatchery.testkit.TestTarget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Boomer-quirks peer against a scripted master on our plain ROUTER transport: our codec and
 * shared-stats understand its encoding and shapes, it honours the master's messages as Boomer does
 * (and drops those addressed to another node id), and its merged reports count exactly the requests
 * the HTTP target answered.
 */
@Timeout(90)
class BoomerQuirksScriptedMasterIT {
  private static final Duration STEP = Duration.ofSeconds(20);
  private static final long REQUEST_BUDGET = 60;
  private static final Map<String, Long> CLASSES = Map.of("WebsiteUser", 3L, "ApiUser", 1L);

  @Test
  void boomerPeerHandshakesRunsAndReportsEveryRequestTheTargetServed() throws Exception {
    try (TestTarget target = TestTarget.start();
        ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0);
        BoomerQuirksWorker worker =
            BoomerQuirksWorker.start(
                "127.0.0.1", server.port(), target.baseUrl(), REQUEST_BUDGET, 42)) {
      ProtocolPeer peer = new ProtocolPeer(server);
      ReportedStats reported =
          new ReportedStats(
              ReportedStats.REPORT_KEYS, EntryKeys.LOCUST_2, StatsErrorMaps.OCCURRENCES);
      ProtocolPeer.Skipped check = message -> checkBackground(reported, message);

      RpcEvent.Received ready = awaitFirst(peer, worker, check);
      String nodeId = ready.nodeId();
      assertThat(nodeId).isEqualTo(worker.nodeId()).matches(".+_[0-9a-f]{32}");
      assertThat(ClientReadyPayload.from(ready.message().data()).kind())
          .isEqualTo(ClientReadyPayload.Kind.MINUS_ONE);
      server.send(nodeId, new Message(MessageType.ACK, new AckPayload(0L).toData(), nodeId));

      RpcEvent.Received heartbeat = peer.await(MessageType.HEARTBEAT, STEP, check);
      assertThat(HeartbeatPayload.from(heartbeat.message().data()).state())
          .isEqualTo(WorkerState.READY);

      // Boomer drops what is not addressed to its own node id.
      server.send(nodeId, new Message(MessageType.SPAWN, spawn(CLASSES), "someone_else"));
      server.send(nodeId, new Message(MessageType.SPAWN, spawn(CLASSES), nodeId));
      assertThat(peer.await(MessageType.SPAWNING, STEP, check).message().data()).isNull();
      RpcEvent.Received spawned = peer.await(MessageType.SPAWNING_COMPLETE, STEP, check);
      SpawningCompletePayload complete = SpawningCompletePayload.from(spawned.message().data());
      assertThat(complete.shape()).isEqualTo(SpawningCompletePayload.Shape.COUNT_AND_CLASSES);
      assertThat(complete.userCount()).isEqualTo(4);
      assertThat(complete.userClassesCount()).isEqualTo(CLASSES);
      assertThat(worker.foreignMessagesDropped()).isEqualTo(1);

      reported.collectUntil(
          peer, check, REQUEST_BUDGET, STEP, () -> "target saw " + target.requestCount());

      server.send(nodeId, new Message(MessageType.STOP, null, nodeId));
      peer.await(MessageType.CLIENT_STOPPED, STEP, check);
      RpcEvent.Received readyAgain = peer.await(MessageType.CLIENT_READY, STEP, check);
      assertThat(readyAgain.message().data()).isEqualTo(-1L);

      assertThat(reported.userCounts()).last().isEqualTo(4L);
      assertThat(reported.totalNames()).containsOnly(EntryKeys.LEGACY_TOTAL_NAME);
      StatsEntry hello = reported.stats().find(BoomerUsers.HELLO_PATH, "GET").orElseThrow();
      StatsEntry fail = reported.stats().find(BoomerUsers.FAIL_NAME, "GET").orElseThrow();
      assertThat(hello.numRequests()).isEqualTo(target.requestCount("/hello")).isPositive();
      // Boomer records a failure as a failure only, never as a request.
      assertThat(fail.numRequests()).isZero();
      assertThat(fail.numFailures()).isEqualTo(target.requestCount("/status/500")).isPositive();
      assertThat(target.requestCount()).isEqualTo(REQUEST_BUDGET);
      // Boomer reports error deltas: it clears its error table after each report.
      assertThat(reported.errorOccurrencesPerReport().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(fail.numFailures());

      server.send(nodeId, new Message(MessageType.QUIT, null, nodeId));
      peer.await(MessageType.QUIT, STEP, check);
      assertThat(peer.seen()).doesNotContain(MessageType.EXCEPTION);
    }
  }

  private static RpcEvent.Received awaitFirst(
      ProtocolPeer peer, BoomerQuirksWorker worker, ProtocolPeer.Skipped check) throws Exception {
    try {
      return peer.await(MessageType.CLIENT_READY, STEP, check);
    } catch (AssertionError e) {
      throw new AssertionError(worker.describe(), e);
    }
  }

  private static Object spawn(Map<String, Long> classes) {
    return new SpawnPayload(System.currentTimeMillis() / 1000.0, classes, null, null, Map.of())
        .toData();
  }

  /** Heartbeats always carry three keys; stats are checked and merged. */
  private static void checkBackground(ReportedStats reported, Message message) throws Exception {
    if (message.type().equals(MessageType.HEARTBEAT)) {
      assertThat(EntryKeys.keysOf(message.data()))
          .containsExactlyInAnyOrder(STATE, CURRENT_CPU_USAGE, CURRENT_MEMORY_USAGE);
    } else if (message.type().equals(MessageType.STATS)) {
      assertThat(((Map<?, ?>) message.data()).get(USER_CLASSES_COUNT)).isEqualTo(CLASSES);
      reported.add(message);
    } else if (message.type().equals(MessageType.SPAWNING_COMPLETE)) {
      assertThat(EntryKeys.keysOf(message.data()))
          .containsExactlyInAnyOrder(COUNT, USER_CLASSES_COUNT);
    }
  }
}
