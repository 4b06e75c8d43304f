package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.WorkerView;
import io.hatchery.master.workers.Dialect;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.master.workers.WorkerRegistry;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WorkerViews} kept up to date incrementally equals a full rebuild from the registry, after
 * any sequence of registrations, removals, state changes, heartbeats, reports and liveness checks.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WorkerViewsTest {
  private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);
  private static final WorkerState[] STATES = WorkerState.values();

  @Test
  void incrementalViewsEqualAFullRebuildAfterRandomChanges() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      WorkerRegistry registry = new WorkerRegistry(1_000);
      WorkerViews views = new WorkerViews();
      for (int step = 0; step < 2_000; step++) {
        change(registry, random, step);
        if (random.nextInt(5) == 0) {
          views.update(registry);
          assertEqualsFullRebuild(views, registry, "seed " + seed + " step " + step);
        }
      }
    }
  }

  @Test
  void unchangedWorkersKeepTheirViewAndTheListIsReusedWhenNothingChanged() {
    WorkerRegistry registry = new WorkerRegistry(10);
    WorkerNode a = registry.register("a", Dialect.G2, true, T0).orElseThrow();
    WorkerNode b = registry.register("b", Dialect.G2, true, T0).orElseThrow();
    a.reportUsers(Map.of("MyUser", 2L));
    b.reportUsers(Map.of("MyUser", 1L));
    WorkerViews views = new WorkerViews();
    views.update(registry);
    List<WorkerView> first = views.views();

    b.heartbeat(T0.plusSeconds(1), 3.0, 5L);
    views.update(registry);
    List<WorkerView> second = views.views();
    views.update(registry);

    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThat(second.get(1).lastHeartbeatAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(second.get(1).userClassesCount()).isSameAs(first.get(1).userClassesCount());
    assertThat(views.views()).isSameAs(second);
    assertThat(views.userCount()).isEqualTo(3);
    assertThat(views.userClassesCount()).containsExactlyEntriesOf(Map.of("MyUser", 3));
  }

  @Test
  void missingWorkersCountForNoUsersAndAreListedInRegistrationOrder() {
    WorkerRegistry registry = new WorkerRegistry(10);
    WorkerNode a = registry.register("a", Dialect.G2, true, T0).orElseThrow();
    WorkerNode b = registry.register("b", Dialect.G2, true, T0).orElseThrow();
    WorkerNode c = registry.register("c", Dialect.G2, true, T0).orElseThrow();
    a.reportUsers(Map.of("A", 1L));
    b.reportUsers(Map.of("A", 2L, "B", 0L));
    c.reportUsers(Map.of("B", 4L));
    WorkerViews views = new WorkerViews();
    views.update(registry);

    c.state(WorkerState.MISSING);
    a.state(WorkerState.MISSING);
    views.update(registry);

    assertThat(views.missingWorkers())
        .containsExactly("worker a is missing", "worker c is missing");
    assertThat(views.userCount()).isEqualTo(2);
    assertThat(views.userClassesCount()).containsExactlyInAnyOrderEntriesOf(Map.of("A", 2, "B", 0));
  }

  private static void change(WorkerRegistry registry, Random random, int step) {
    String id = "w" + random.nextInt(40);
    WorkerNode node = registry.find(id).orElse(null);
    int action = random.nextInt(12);
    if (node == null || action == 0) {
      Dialect dialect = random.nextInt(4) == 0 ? Dialect.G1 : Dialect.G2;
      registry.register(id, dialect, random.nextBoolean(), T0.plusMillis(step));
      return;
    }
    switch (action) {
      case 1 -> registry.remove(id);
      case 2 -> registry.removeStopped(id, T0.plusSeconds(60));
      case 3 -> node.state(STATES[random.nextInt(STATES.length)]);
      case 4 -> node.heartbeat(T0.plusMillis(step), random.nextDouble() * 100, (long) step);
      case 5 -> node.reportUsers(randomCounts(random));
      case 6 -> node.reportUserCount(random.nextInt(5));
      case 7 -> node.clearUsers();
      case 8 -> registry.check();
      case 9 -> registry.heartbeatReceived(node);
      case 10 -> node.learnDialect(random.nextBoolean() ? Dialect.G1B : Dialect.G1);
      default -> node.reportUsers(Map.of("A", 1L));
    }
  }

  private static Map<String, Long> randomCounts(Random random) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String cls : List.of("A", "B", "C")) {
      if (random.nextBoolean()) {
        counts.put(cls, (long) random.nextInt(4));
      }
    }
    return counts;
  }

  private static void assertEqualsFullRebuild(
      WorkerViews views, WorkerRegistry registry, String when) {
    List<WorkerView> expected = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<String, Integer> perClass = new HashMap<>();
    long users = 0;
    for (WorkerNode node : registry.all()) {
      Map<String, Integer> classes = new LinkedHashMap<>();
      node.userClassesCount().forEach((cls, n) -> classes.put(cls, Math.toIntExact(n)));
      expected.add(
          new WorkerView(
              node.id(),
              node.index(),
              node.state(),
              Math.toIntExact(node.userCount()),
              classes,
              node.cpuUsagePercent(),
              node.memoryUsageBytes(),
              node.lastHeartbeatAt(),
              node.dialect().label()));
      if (node.isMissing()) {
        missing.add("worker " + node.id() + " is missing");
      } else {
        users += node.userCount();
        classes.forEach((cls, n) -> perClass.merge(cls, n, Integer::sum));
      }
    }
    assertThat(views.views()).as(when).containsExactlyElementsOf(expected);
    assertThat(views.userCount()).as(when).isEqualTo(users);
    assertThat(views.userClassesCount()).as(when).isEqualTo(perClass);
    assertThat(views.missingWorkers()).as(when).isEqualTo(missing);
  }
}
