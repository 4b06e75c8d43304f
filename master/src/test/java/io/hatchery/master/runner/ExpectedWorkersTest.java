package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.master.headless.ExpectedWorkers;
import io.hatchery.master.headless.ExpectedWorkers.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ExpectedWorkers} over real snapshots of a runner: start, wait, give up. */
class ExpectedWorkersTest {
  private static final Instant T0 = Instant.ofEpochMilli(RunnerHarness.T0_MILLIS);

  private final RunnerHarness h = new RunnerHarness();

  private Verdict check(ExpectedWorkers wait, Duration after) {
    return wait.check(h.runner.publishNow(), T0.plus(after));
  }

  @Test
  void readyOnceEnoughWorkersAreReady() {
    ExpectedWorkers wait = new ExpectedWorkers(2, Optional.empty(), T0);
    h.ready("vm_a", "");
    assertThat(check(wait, Duration.ofSeconds(1))).isEqualTo(Verdict.WAITING);

    h.ready("vm_b", "");
    assertThat(check(wait, Duration.ofSeconds(2))).isEqualTo(Verdict.READY);
  }

  @Test
  void givesUpOnceTheMaximumWaitHasPassed() {
    ExpectedWorkers wait = new ExpectedWorkers(1, Optional.of(Duration.ofSeconds(3)), T0);

    assertThat(check(wait, Duration.ofMillis(2_999))).isEqualTo(Verdict.WAITING);
    assertThat(check(wait, Duration.ofSeconds(3))).isEqualTo(Verdict.GAVE_UP);
  }

  @Test
  void noMaximumOrAZeroOneWaitsForEver() {
    for (Optional<Duration> forEver :
        List.of(Optional.<Duration>empty(), Optional.of(Duration.ZERO))) {
      ExpectedWorkers wait = new ExpectedWorkers(1, forEver, T0);

      assertThat(check(wait, Duration.ofDays(1))).isEqualTo(Verdict.WAITING);
    }
  }

  @Test
  void onlyReadyWorkersCountAndNoneExpectedStartsAtOnce() {
    h.ready("vm_a", "");
    h.advance(Duration.ofSeconds(5)); // no heartbeats: missing
    ExpectedWorkers one = new ExpectedWorkers(1, Optional.empty(), T0);

    assertThat(ExpectedWorkers.readyWorkers(h.runner.publishNow())).isZero();
    assertThat(check(one, Duration.ofSeconds(6))).isEqualTo(Verdict.WAITING);
    assertThat(check(new ExpectedWorkers(0, Optional.empty(), T0), Duration.ZERO))
        .isEqualTo(Verdict.READY);
    assertThatThrownBy(() -> new ExpectedWorkers(-1, Optional.empty(), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
