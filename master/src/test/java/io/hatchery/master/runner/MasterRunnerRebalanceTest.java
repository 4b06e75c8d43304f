package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MasterRunnerRebalanceTest {

  private static RunnerHarness runningOn(MasterSettings settings, String... ids) {
    RunnerHarness h = new RunnerHarness(settings);
    for (String id : ids) {
      h.ready(id, "");
    }
    h.runner.start(SwarmRequest.of(4, 100.0));
    for (String id : ids) {
      h.completeLastSpawn(id);
    }
    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);
    return h;
  }

  private static MasterSettings settings() {
    return MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1)));
  }

  @Test
  void aJoiningWorkerGetsItsShareAtOnce() {
    RunnerHarness h = runningOn(settings(), "vm_a");
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 4L));

    h.ready("vm_b", "");

    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 2L));
    assertThat(h.lastSpawnCounts("vm_b")).isEqualTo(Map.of("MyUser", 2L));
  }

  @Test
  void aQuittingWorkersUsersMoveToTheOthers() {
    RunnerHarness h = runningOn(settings(), "vm_a", "vm_b");
    h.send("vm_b", MessageType.QUIT, null);

    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 4L));
    assertThat(h.runner.state()).isEqualTo(RunState.SPAWNING);
  }

  @Test
  void aMissingWorkersUsersMoveWithinOneHeartbeatCheck() {
    RunnerHarness h = runningOn(settings(), "vm_a", "vm_b");
    h.advanceWithHeartbeats(Duration.ofSeconds(5), WorkerState.RUNNING, "vm_a");

    assertThat(h.runner.publishNow().workers())
        .filteredOn(w -> w.id().equals("vm_b"))
        .singleElement()
        .extracting(w -> w.state())
        .isEqualTo(WorkerState.MISSING);
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 4L));
    assertThat(h.runner.publishNow().degraded()).containsExactly("worker vm_b is missing");
  }

  @Test
  void withoutRebalancingAMissingWorkersUsersMoveOnlyWhenItIsRemoved() {
    RunnerHarness h = runningOn(settings().withRebalance(false), "vm_a", "vm_b");
    int spawnsBefore = h.sent("vm_a", MessageType.SPAWN).size();

    h.advanceWithHeartbeats(Duration.ofSeconds(30), WorkerState.RUNNING, "vm_a");
    assertThat(h.sent("vm_a", MessageType.SPAWN)).hasSize(spawnsBefore);

    h.advanceWithHeartbeats(Duration.ofSeconds(36), WorkerState.RUNNING, "vm_a");
    assertThat(h.runner.publishNow().workers()).hasSize(1);
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 4L));
  }

  @Test
  void aHealedWorkerGetsUsersBack() {
    RunnerHarness h = runningOn(settings(), "vm_a", "vm_b");
    h.advanceWithHeartbeats(Duration.ofSeconds(6), WorkerState.RUNNING, "vm_a");
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 4L));

    h.heartbeat("vm_b", WorkerState.RUNNING);

    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 2L));
    assertThat(h.lastSpawnCounts("vm_b")).isEqualTo(Map.of("MyUser", 2L));
  }

  @Test
  void joinsRightAfterARebalanceShareOneReDispatchHalfASecondLater() {
    RunnerHarness h = runningOn(settings(), "vm_a");
    h.ready("vm_b", "");
    int spawnsToA = h.sent("vm_a", MessageType.SPAWN).size();

    h.ready("vm_c", "");
    h.ready("vm_d", "");

    // Within the coalescing window nothing is sent yet ...
    assertThat(h.sent("vm_a", MessageType.SPAWN)).hasSize(spawnsToA);
    assertThat(h.sent("vm_c", MessageType.SPAWN)).isEmpty();
    h.advance(SwarmDriver.REDISPATCH_COALESCING);
    // ... then one re-dispatch covers both joins.
    assertThat(h.sent("vm_a", MessageType.SPAWN)).hasSize(spawnsToA + 1);
    for (String id : List.of("vm_a", "vm_b", "vm_c", "vm_d")) {
      assertThat(h.lastSpawnCounts(id)).isEqualTo(Map.of("MyUser", 1L));
    }
  }

  @Test
  void aRebalanceMessagesOnlyTheWorkersWhoseTargetsChanged() {
    RunnerHarness h = runningOn(settings(), "vm_a", "vm_b");
    int spawnsToA = h.sent("vm_a", MessageType.SPAWN).size();

    h.ready("vm_c", "");

    // Four users round-robin over a, b, c: a keeps its two, b gives one to c.
    assertThat(h.sent("vm_a", MessageType.SPAWN)).hasSize(spawnsToA);
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 2L));
    assertThat(h.lastSpawnCounts("vm_b")).isEqualTo(Map.of("MyUser", 1L));
    assertThat(h.lastSpawnCounts("vm_c")).isEqualTo(Map.of("MyUser", 1L));
    h.completeLastSpawn("vm_b");
    h.completeLastSpawn("vm_c");
    h.advance(Duration.ofSeconds(1));
    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);
  }

  @Test
  void theLastWorkerGoingMissingStopsTheTest() {
    RunnerHarness h = runningOn(settings(), "vm_a");
    h.advance(Duration.ofSeconds(6));
    assertThat(h.runner.state()).isEqualTo(RunState.STOPPED);
  }
}
