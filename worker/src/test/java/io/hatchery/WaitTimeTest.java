package io.hatchery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WaitTimeTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T00:00:00Z"));
  private final WaitContext context = new WaitContext(clock, new SplittableRandom(7));

  @Test
  void betweenStaysWithinBoundsAndSpreadsOverThem() {
    WaitTime wait = WaitTime.between(1, 5);
    Duration min = Duration.ofDays(1);
    Duration max = Duration.ZERO;
    for (int i = 0; i < 10_000; i++) {
      Duration next = wait.next(context);
      assertThat(next).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
      min = next.compareTo(min) < 0 ? next : min;
      max = next.compareTo(max) > 0 ? next : max;
    }
    assertThat(min).isLessThan(Duration.ofMillis(1100));
    assertThat(max).isGreaterThan(Duration.ofMillis(4900));
  }

  @Test
  void constantAlwaysReturnsItsValue() {
    assertThat(WaitTime.constant(2.5).next(context)).isEqualTo(Duration.ofMillis(2500));
    assertThat(WaitTime.constant(0).next(context)).isZero();
  }

  @Test
  void constantPacingFillsTheRestOfThePaceAfterTheTask() {
    WaitTime pacing = WaitTime.constantPacing(1);
    clock.advance(Duration.ofMillis(300));
    assertThat(pacing.next(context)).isEqualTo(Duration.ofMillis(700));
    clock.advance(Duration.ofMillis(700)); // the wait
    clock.advance(Duration.ofMillis(100)); // the next task
    assertThat(pacing.next(context)).isEqualTo(Duration.ofMillis(900));
  }

  @Test
  void constantPacingWaitsZeroAfterATaskLongerThanThePace() {
    WaitTime pacing = WaitTime.constantPacing(1);
    clock.advance(Duration.ofMillis(1500));
    assertThat(pacing.next(context)).isZero();
    clock.advance(Duration.ofMillis(250));
    assertThat(pacing.next(context)).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void pacingStateBelongsToTheContextNotTheFunction() {
    WaitTime shared = WaitTime.constantPacing(1);
    WaitContext other = new WaitContext(clock, new SplittableRandom(1));
    clock.advance(Duration.ofMillis(400));
    assertThat(shared.next(context)).isEqualTo(Duration.ofMillis(600));
    clock.advance(Duration.ofMillis(600));
    assertThat(shared.next(other)).isZero();
  }

  @Test
  void constantThroughputIsTheInverseOfPacing() {
    WaitTime throughput = WaitTime.constantThroughput(4);
    clock.advance(Duration.ofMillis(50));
    assertThat(throughput.next(context)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void customWaitTimeIsALambdaOverTheContext() {
    WaitTime custom = ctx -> Duration.ofMillis(10 + ctx.random().nextInt(5));
    assertThat(custom.next(context)).isBetween(Duration.ofMillis(10), Duration.ofMillis(14));
  }

  @Test
  void invalidArgumentsAreRejected() {
    assertThatThrownBy(() -> WaitTime.between(5, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WaitTime.constant(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WaitTime.constantThroughput(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
