package io.hatchery.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over many seeded random runs: random workers on random hosts, random weighted and
 * fixed-count classes, random re-targets, rates and worker changes.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UsersDispatcherPropertyTest {
  private static final double[] RATES = {0.3, 0.5, 1, 1.5, 2.5, 3, 10, 37.5, 100};

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void invariantsHoldThroughRandomRuns(long seed) {
    Random random = new Random(seed);
    List<UserClassSpec> classes = randomClasses(random);
    Set<String> workers = new HashSet<>();
    int workerCount = 1 + random.nextInt(6);
    while (workers.size() < workerCount) {
      workers.add("h" + random.nextInt(3) + "_" + random.nextInt(100));
    }
    UsersDispatcher dispatcher = new UsersDispatcher(new ArrayList<>(workers), classes);
    long target = 0;
    double rate = 1;
    for (int action = 0; action < 12; action++) {
      switch (random.nextInt(4)) {
        case 0, 1 -> {
          target = random.nextInt(80);
          rate = RATES[random.nextInt(RATES.length)];
          dispatcher.newDispatch(target, rate);
        }
        case 2 -> {
          String added = "h" + random.nextInt(4) + "_" + (100 + action);
          workers.add(added);
          dispatcher.addWorker(added);
        }
        default -> {
          if (workers.size() > 1) {
            String removed = workers.iterator().next();
            workers.remove(removed);
            dispatcher.removeWorker(removed);
          }
        }
      }
      for (int steps = random.nextInt(6); steps > 0 && !dispatcher.isDone(); steps--) {
        checkIteration(dispatcher.next(), classes, workers, dispatcher);
      }
    }
    dispatcher.newDispatch(target, rate);
    Dispatch last = null;
    while (!dispatcher.isDone()) {
      last = dispatcher.next();
      checkIteration(last, classes, workers, dispatcher);
    }
    if (last != null) {
      checkFinal(last, classes, workers, target);
    }
  }

  private static void checkIteration(
      Dispatch dispatch, List<UserClassSpec> classes, Set<String> workers, UsersDispatcher d) {
    List<String> classNames = classes.stream().map(UserClassSpec::name).sorted().toList();
    assertThat(dispatch.usersPerWorker().keySet()).containsExactlyInAnyOrderElementsOf(workers);
    for (Map<String, Long> counts : dispatch.usersPerWorker().values()) {
      assertThat(counts.keySet()).containsExactlyElementsOf(classNames);
      assertThat(counts.values()).allMatch(count -> count >= 0);
    }
    Map<String, Long> perClass = dispatch.userClassesCount();
    for (UserClassSpec userClass : classes) {
      if (userClass.isFixed()) {
        assertThat(perClass.get(userClass.name())).isLessThanOrEqualTo(userClass.fixedCount());
      }
    }
    assertThat(dispatch.delayBeforeNext()).isEqualTo(d.delayBeforeNext());
  }

  private static void checkFinal(
      Dispatch last, List<UserClassSpec> classes, Set<String> workers, long target) {
    long fixedTotal = classes.stream().mapToLong(UserClassSpec::fixedCount).sum();
    boolean anyWeighted = classes.stream().anyMatch(c -> !c.isFixed());
    long expected = anyWeighted ? target : Math.min(target, fixedTotal);
    assertThat(last.userCount()).isEqualTo(expected);
    if (expected == target) {
      // Locust sleeps before ending only when it ran out of users to start (fixed classes only).
      assertThat(last.delayBeforeNext()).isZero();
    }
    if (target >= fixedTotal) {
      for (UserClassSpec userClass : classes) {
        if (userClass.isFixed()) {
          assertThat(last.userClassesCount().get(userClass.name()))
              .isEqualTo(userClass.fixedCount());
        }
      }
    }
  }

  private static List<UserClassSpec> randomClasses(Random random) {
    List<UserClassSpec> classes = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      String name = "U" + (char) ('A' + i);
      if (random.nextInt(4) == 0) {
        classes.add(UserClassSpec.fixed(name, 1 + random.nextInt(4)));
      } else {
        double weight =
            random.nextBoolean() ? 1 + random.nextInt(9) : 0.5 + random.nextInt(20) / 4.0;
        classes.add(UserClassSpec.weighted(name, weight));
      }
    }
    return classes;
  }
}
