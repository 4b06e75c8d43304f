package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Task;
import io.hatchery.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StopTimeoutTest {

  static final List<String> log = new CopyOnWriteArrayList<>();
  static volatile CountDownLatch entered;
  static volatile CountDownLatch release;

  @BeforeEach
  void reset() {
    log.clear();
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  /** One task that blocks until released (or interrupted). */
  static class Blocking extends User {
    @Task
    void block() throws InterruptedException {
      entered.countDown();
      try {
        release.await();
        log.add("completed");
      } catch (InterruptedException e) {
        log.add("interrupted");
        throw e;
      }
    }

    @Override
    public void onStop() {
      log.add("onStop");
    }
  }

  private Engines.Bound runningInTask() throws InterruptedException {
    Engines.Bound bound = Engines.bound(Blocking.class);
    bound.start(Blocking.class, 1);
    entered.await();
    return bound;
  }

  @Test
  void aTaskLongerThanTheStopTimeoutIsInterruptedAfterIt() throws InterruptedException {
    Engines.Bound bound = runningInTask();
    long start = System.nanoTime();
    bound.users().applyTargets(Map.of("Blocking", 0), Duration.ofMillis(200));
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(log).containsExactly("interrupted", "onStop");
    assertThat(bound.userErrors()).isEmpty();
  }

  @Test
  void aTaskThatEndsWithinTheStopTimeoutCompletes() throws InterruptedException {
    Engines.Bound bound = runningInTask();
    bound.users().applyTargets(Map.of("Blocking", 0), Duration.ofMinutes(5));
    assertThat(bound.users().userCount()).isZero();
    assertThat(bound.users().aliveCount()).isEqualTo(1);

    release.countDown();
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(log).containsExactly("completed", "onStop");
  }

  @Test
  void aZeroStopTimeoutInterruptsAtOnce() throws InterruptedException {
    Engines.Bound bound = runningInTask();
    bound.users().stopAll(Duration.ZERO);
    assertThat(bound.users().aliveCount()).isZero();
    assertThat(log).containsExactly("interrupted", "onStop");
  }
}
