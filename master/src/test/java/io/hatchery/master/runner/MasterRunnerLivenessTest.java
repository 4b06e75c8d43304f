package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.WorkerView;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.PeerSlot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MasterRunnerLivenessTest {
  private final RunnerHarness h = new RunnerHarness();

  private WorkerState stateOf(String id) {
    return h.runner.publishNow().workers().stream()
        .filter(w -> w.id().equals(id))
        .map(WorkerView::state)
        .findFirst()
        .orElse(null);
  }

  @Test
  void workerIsMissingOnTheFifthCheckAfterItsLastHeartbeat() {
    h.ready("vm_a", "");
    h.heartbeat("vm_a", WorkerState.READY);

    h.advance(Duration.ofSeconds(4));
    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.READY);
    h.advance(Duration.ofSeconds(1));
    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.MISSING);
    assertThat(h.runner.publishNow().degraded()).containsExactly("worker vm_a is missing");
  }

  @Test
  void aStalledMasterRunsOneCheckNotABurst() {
    h.ready("vm_a", "");
    h.clock.advance(Duration.ofSeconds(10)); // e.g. a long GC pause of the master
    h.runner.runDue();
    h.heartbeat("vm_a", WorkerState.READY); // the heartbeats queued meanwhile

    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.READY);
  }

  @Test
  void regularHeartbeatsKeepAWorkerAlive() {
    h.ready("vm_a", "");
    h.advanceWithHeartbeats(Duration.ofSeconds(30), WorkerState.READY, "vm_a");
    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.READY);
  }

  @Test
  void heartbeatFromAMissingWorkerHealsIt() {
    h.ready("vm_a", "");
    h.advance(Duration.ofSeconds(6));
    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.MISSING);

    h.heartbeat("vm_a", WorkerState.RUNNING);

    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.RUNNING);
    assertThat(h.runner.publishNow().degraded()).isEmpty();
  }

  @Test
  void missingWorkerIsRemovedAboutSixtySecondsLater() {
    h.ready("vm_a", "");
    h.advance(Duration.ofSeconds(5));
    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.MISSING);

    h.advance(Duration.ofSeconds(58));
    assertThat(stateOf("vm_a")).isEqualTo(WorkerState.MISSING);
    h.advance(Duration.ofSeconds(3));
    assertThat(stateOf("vm_a")).isNull();
  }

  @Test
  void aConnectionsSlotKeepsItsNodeOnlyWhileThatNodeIsRegistered() {
    PeerSlot slot = new PeerSlot();
    h.ready("vm_a", "");

    h.runner.handle(RunnerHarness.received("vm_a", MessageType.STATS, requests(5)), slot);
    WorkerNode first = (WorkerNode) slot.get();
    assertThat(first.id()).isEqualTo("vm_a");
    assertThat(total()).isEqualTo(5);

    h.send("vm_a", MessageType.QUIT, null); // removed from the registry
    h.runner.handle(RunnerHarness.received("vm_a", MessageType.STATS, requests(7)), slot);
    assertThat(total()).as("a removed node's report").isEqualTo(5);
    assertThat(h.sent("vm_a", MessageType.STOP)).hasSize(1);
    assertThat(slot.get()).isNull();

    h.send("vm_a", MessageType.CLIENT_READY, "");
    h.runner.handle(RunnerHarness.received("vm_a", MessageType.STATS, requests(11)), slot);
    assertThat(total()).isEqualTo(16);
    assertThat(slot.get()).isInstanceOf(WorkerNode.class).isNotSameAs(first);
    h.send("vm_a", MessageType.CLIENT_READY, ""); // re-registered: another node again
    h.runner.handle(RunnerHarness.received("vm_a", MessageType.STATS, requests(13)), slot);
    assertThat(total()).isEqualTo(29);
    assertThat(slot.get()).isSameAs(h.runner.registry.find("vm_a").orElseThrow());
  }

  private static Object requests(int count) {
    return StatsData.requests("/x", count);
  }

  private long total() {
    return h.runner.publishNow().stats().total().numRequests();
  }

  @Test
  void heartbeatsAndStatsFromUnknownIdsAreAnsweredWithStopAndNeverMerged() {
    h.heartbeat("ghost_1", WorkerState.RUNNING);
    h.send("ghost_1", MessageType.STATS, StatsData.requests("/x", 12_345));

    assertThat(h.sent("ghost_1", MessageType.STOP)).hasSize(1); // rate-limited: one per 10 s
    assertThat(h.runner.publishNow().stats().total().numRequests()).isZero();
    assertThat(h.runner.publishNow().workers()).isEmpty();

    h.advance(Duration.ofSeconds(11));
    h.heartbeat("ghost_1", WorkerState.RUNNING);
    assertThat(h.sent("ghost_1", MessageType.STOP)).hasSize(2);
  }

  @Test
  void unknownIdsRememberedAreBounded() {
    for (int i = 0; i < 5_000; i++) {
      h.heartbeat("ghost_" + i, WorkerState.READY);
    }
    assertThat(h.runner.unknownPeers.size()).isEqualTo(1_024);
  }

  @Test
  void otherMessagesFromUnknownIdsAreDroppedSilently() {
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("user_classes_count", Map.of("MyUser", 1L));
    done.put("user_count", 1L);
    h.send("ghost", MessageType.SPAWNING, null);
    h.send("ghost", MessageType.SPAWNING_COMPLETE, done);
    h.send("ghost", MessageType.EXCEPTION, Map.of("msg", "x", "traceback", "t"));
    h.send("ghost", "my_custom", List.of("a"));

    assertThat(h.rpc.server().sent()).isEmpty();
    assertThat(h.runner.publishNow().exceptions()).isEmpty();
  }
}
