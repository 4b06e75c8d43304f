package io.hatchery.master.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.payload.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registry's O(1) bookkeeping: per-state counts and the change log snapshots read. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WorkerRegistryBookkeepingTest {
  private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);
  private final WorkerRegistry registry = new WorkerRegistry(100);

  @Test
  void stateCountsFollowStateChangesRemovalsAndReRegistrations() {
    WorkerNode a = registry.register("a", Dialect.G2, false, T0).orElseThrow();
    WorkerNode b = registry.register("b", Dialect.G2, false, T0).orElseThrow();
    registry.register("c", Dialect.G2, false, T0);
    a.state(WorkerState.RUNNING);
    b.state(WorkerState.RUNNING);
    b.state(WorkerState.MISSING);

    assertThat(registry.countIn(WorkerState.READY)).isEqualTo(1);
    assertThat(registry.countIn(WorkerState.RUNNING)).isEqualTo(1);
    assertThat(registry.countIn(WorkerState.MISSING)).isEqualTo(1);
    assertThat(registry.activeCount()).isEqualTo(2);

    registry.register("a", Dialect.G2, false, T0); // a new node in state ready replaces a
    registry.remove("b");
    a.state(WorkerState.STOPPED); // the replaced node no longer counts

    assertThat(registry.countIn(WorkerState.READY)).isEqualTo(2);
    assertThat(registry.countIn(WorkerState.RUNNING)).isZero();
    assertThat(registry.countIn(WorkerState.MISSING)).isZero();
    assertThat(registry.countIn(WorkerState.STOPPED)).isZero();
    assertThat(registry.activeCount()).isEqualTo(2);
    assertThat(registry.size()).isEqualTo(2);
  }

  @Test
  void livenessChecksKeepTheCountsAndActiveList() {
    registry.register("a", Dialect.G2, false, T0);
    WorkerNode b = registry.register("b", Dialect.G2, false, T0).orElseThrow();
    for (int check = 1; check <= 5; check++) {
      registry.heartbeatReceived(b);
      registry.check();
    }
    assertThat(registry.countIn(WorkerState.MISSING)).isEqualTo(1);
    assertThat(registry.activeCount()).isEqualTo(1);
    assertThat(registry.active()).containsExactly(b);

    for (int check = 6; check <= 65; check++) {
      registry.heartbeatReceived(b);
      registry.check();
    }
    assertThat(registry.find("a")).isEmpty();
    assertThat(registry.countIn(WorkerState.MISSING)).isZero();
    assertThat(registry.activeCount()).isEqualTo(1);
  }

  @Test
  void changeLogNamesEachChangedNodeOnceInOrderOfFirstChange() {
    WorkerNode a = registry.register("a", Dialect.G2, false, T0).orElseThrow();
    WorkerNode b = registry.register("b", Dialect.G2, false, T0).orElseThrow();
    List<WorkerNode> changed = new ArrayList<>();
    assertThat(registry.drainChanges(changed)).as("appending registrations").isFalse();
    assertThat(changed).containsExactly(a, b);

    changed.clear();
    b.heartbeat(T0.plusSeconds(1), 1.0, 2L);
    a.state(WorkerState.RUNNING);
    b.state(WorkerState.RUNNING);
    a.reportUsers(Map.of("MyUser", 3L));
    assertThat(registry.drainChanges(changed)).isFalse();
    assertThat(changed).containsExactly(b, a);

    changed.clear();
    assertThat(registry.drainChanges(changed)).isFalse();
    assertThat(changed).isEmpty();
  }

  @Test
  void repeatingTheSameFiguresIsNoChange() {
    WorkerNode a = registry.register("a", Dialect.G2, false, T0).orElseThrow();
    a.state(WorkerState.RUNNING);
    a.reportUsers(Map.of("MyUser", 3L));
    Map<String, Long> counts = a.userClassesCount();
    registry.drainChanges(new ArrayList<>());

    a.state(WorkerState.RUNNING);
    a.reportUsers(Map.of("MyUser", 3L));
    a.reportUserCount(3);
    List<WorkerNode> changed = new ArrayList<>();
    registry.drainChanges(changed);

    assertThat(changed).isEmpty();
    assertThat(a.userClassesCount()).isSameAs(counts);
  }

  @Test
  void removalsAndReRegistrationsReorderAndRemovedNodesAreNotReported() {
    WorkerNode a = registry.register("a", Dialect.G2, false, T0).orElseThrow();
    registry.register("b", Dialect.G2, false, T0);
    registry.drainChanges(new ArrayList<>());

    a.state(WorkerState.RUNNING);
    registry.remove("a");
    List<WorkerNode> changed = new ArrayList<>();
    assertThat(registry.drainChanges(changed)).isTrue();
    assertThat(changed).isEmpty();

    WorkerNode b2 = registry.register("b", Dialect.G2, false, T0).orElseThrow();
    assertThat(registry.drainChanges(changed)).as("re-registration moves b").isTrue();
    assertThat(changed).containsExactly(b2);
  }
}
