package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.RpcEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MasterRunnerRobustnessTest {
  private final RunnerHarness h = new RunnerHarness();

  @Test
  void exceptionsAreAggregatedByTraceback() {
    h.ready("vm_a", "");
    h.ready("vm_b", "");
    h.send("vm_a", MessageType.EXCEPTION, Map.of("msg", "boom", "traceback", "tb1"));
    h.send("vm_b", MessageType.EXCEPTION, Map.of("msg", "boom again", "traceback", "tb1"));
    h.send("vm_a", MessageType.EXCEPTION, Map.of("msg", "other", "traceback", "tb2"));

    List<ExceptionView> views = h.runner.publishNow().exceptions();
    assertThat(views).extracting(ExceptionView::traceback).containsExactly("tb1", "tb2");
    assertThat(views.get(0).count()).isEqualTo(2);
    assertThat(views.get(0).message()).isEqualTo("boom");
    assertThat(views.get(0).nodes()).containsExactlyInAnyOrder("vm_a", "vm_b");

    h.runner.resetStats();
    assertThat(h.runner.publishNow().exceptions()).isEmpty();
  }

  @Test
  void hostileFramesNeverStopTheMaster() {
    h.ready("vm_a", "");
    h.send("vm_a", MessageType.HEARTBEAT, Map.of("current_cpu_usage", 1.0)); // no state
    h.send("vm_a", MessageType.HEARTBEAT, "not a map");
    h.send("vm_a", MessageType.HEARTBEAT, Map.of("state", "dancing", "current_cpu_usage", 1.0));
    h.send("vm_a", MessageType.STATS, Map.of("stats", 5));
    h.send("vm_a", MessageType.STATS, List.of());
    h.send("vm_a", MessageType.SPAWNING_COMPLETE, Map.of());
    h.send("vm_a", MessageType.EXCEPTION, Map.of("msg", 3L));
    h.send("vm_a", MessageType.CLIENT_READY, Map.of("x", List.of(1L, 2L)));
    Map<Object, Object> weird = new HashMap<>();
    weird.put(1.5, null);
    h.send("vm_a", "my_custom", weird);
    h.send("vm_a", MessageType.LOCUSTFILE, Map.of("version", "2.30"));
    h.rpc.server().inject(new RpcEvent.Malformed(new byte[] {0, 1, 2}, new ProtocolException("x")));
    h.pump();

    h.ready("vm_b", "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    assertThat(h.lastSpawnCounts("vm_b")).isEqualTo(Map.of("MyUser", 1L));
    assertThat(h.runner.publishNow().workers()).hasSize(2);
    assertThat(h.runner.publishNow().degraded())
        .anyMatch(reason -> reason.endsWith("malformed worker messages dropped (see the log)"));
  }

  @Test
  void aFailingListenerDoesNotStopMessageHandling() {
    h.runner.registerMessage(
        "explode",
        (node, data) -> {
          throw new IllegalStateException("listener bug");
        });
    h.ready("vm_a", "");
    h.send("vm_a", "explode", null);
    h.heartbeat("vm_a", WorkerState.RUNNING);
    assertThat(h.runner.publishNow().workers().get(0).state()).isEqualTo(WorkerState.RUNNING);
  }

  @Test
  void malformedFrameFromAKnownWorkerGetsReconnect() {
    h.ready("vm_a", "");
    h.rpc
        .server()
        .inject(
            new RpcEvent.Malformed(
                "vm_a".getBytes(StandardCharsets.UTF_8), new ProtocolException("truncated")));
    h.pump();
    assertThat(h.sent("vm_a", MessageType.RECONNECT)).hasSize(1);
  }

  @Test
  void customMessagesReachTheirListenerOnlyFromRegisteredWorkers() {
    List<String> got = new ArrayList<>();
    h.runner.registerMessage("my_custom", (node, data) -> got.add(node + ":" + data));
    h.ready("vm_a", "");
    h.send("vm_a", "my_custom", "hello");
    h.send("ghost", "my_custom", "nope");
    assertThat(got).containsExactly("vm_a:hello");
  }

  @Test
  void customMessagesGoToOneOrAllWorkers() {
    h.ready("vm_a", "");
    h.ready("vm_b", "");
    h.runner.sendMessage("to_all", List.of("x"), null);
    h.runner.sendMessage("to_one", 7L, "vm_b");
    assertThat(h.sent("vm_a", "to_all")).hasSize(1);
    assertThat(h.sent("vm_b", "to_all")).hasSize(1);
    assertThat(h.sent("vm_a", "to_one")).isEmpty();
    assertThat(h.sent("vm_b", "to_one").get(0).data()).isEqualTo(7L);
  }

  @Test
  void statsAreMergedAndOfferedToWorkerReportListeners() {
    List<Object> reports = new ArrayList<>();
    h.runner.addListener(
        new MasterListener() {
          @Override
          public void workerReport(String nodeId, Map<String, Object> data) {
            reports.add(nodeId + ":" + data.get("custom"));
          }
        });
    h.ready("vm_a", "");
    Map<String, Object> data = StatsData.withFailures("/a", 5, 2);
    data.put("custom", "extra");
    h.send("vm_a", MessageType.STATS, data);

    MasterSnapshot snapshot = h.runner.publishNow();
    assertThat(snapshot.stats().find("/a", "GET").orElseThrow().numRequests()).isEqualTo(7);
    assertThat(snapshot.stats().total().numFailures()).isEqualTo(2);
    assertThat(snapshot.stats().errors()).hasSize(1);
    assertThat(reports).containsExactly("vm_a:extra");
  }

  @Test
  void snapshotStatsAreAPrivateCopy() {
    h.ready("vm_a", "");
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 5));
    MasterSnapshot first = h.runner.publishNow();

    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 5));
    MasterSnapshot second = h.runner.publishNow();

    assertThat(first.stats().total().numRequests()).isEqualTo(5);
    assertThat(second.stats().total().numRequests()).isEqualTo(10);
    assertThat(h.runner.publishNow().stats()).isSameAs(second.stats()); // unchanged: reused
  }

  @Test
  void snapshotReusesTheViewOfAWorkerUntilItChanges() {
    h.ready("vm_a", "");
    h.ready("vm_b", "");
    MasterSnapshot first = h.runner.publishNow();

    h.clock.advance(Duration.ofMillis(500));
    h.heartbeat("vm_b", WorkerState.RUNNING);
    MasterSnapshot second = h.runner.publishNow();

    assertThat(second.workers().get(0)).isSameAs(first.workers().get(0));
    assertThat(second.workers().get(1)).isNotSameAs(first.workers().get(1));
    assertThat(second.workers().get(1).state()).isEqualTo(WorkerState.RUNNING);
    assertThat(second.workers().get(1).lastHeartbeatAt())
        .isEqualTo(first.workers().get(1).lastHeartbeatAt().plusMillis(500));
    assertThat(first.workers().get(1).state()).isEqualTo(WorkerState.READY);
  }

  @Test
  void statsUserCountsUpdateTheWorkersCounts() {
    h.ready("vm_a", "");
    h.send(
        "vm_a",
        MessageType.STATS,
        StatsData.withUsers(StatsData.requests("/a", 1), Map.of("MyUser", 3L)));
    assertThat(h.runner.publishNow().userCount()).isEqualTo(3);
    assertThat(h.runner.publishNow().userClassesCount()).isEqualTo(Map.of("MyUser", 3));
  }
}
