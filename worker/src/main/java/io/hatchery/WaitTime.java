package io.hatchery;

import java.time.Duration;

/**
 * How long a user waits after each task (Locust's {@code wait_time}). Returned by {@link
 * User#waitTime()} and optionally {@link TaskSet#waitTime()}; custom functions are lambdas:
 *
 * <pre>{@code
 * @Override public WaitTime waitTime() { return WaitTime.between(1, 5); }
 * @Override public WaitTime waitTime() { return ctx -> Duration.ofMillis(100 + ctx.random().nextInt(50)); }
 * }</pre>
 *
 * <p>The engine calls {@code waitTime()} once per user (or task set) and then {@link #next} after
 * every task, on the user's thread. Times are seconds as {@code double} in the factories (Locust's
 * unit); the function itself returns a {@link Duration}. The built-in functions are stateless and
 * may be shared; per-user state lives in the {@link WaitContext}.
 */
@FunctionalInterface
public interface WaitTime {

  /**
   * Returns the next wait, &ge; 0.
   *
   * @param context the calling user's clock, random generator and pacing state
   */
  Duration next(WaitContext context);

  /**
   * A uniformly random wait in [{@code minSeconds}, {@code maxSeconds}] (Locust's {@code between}).
   */
  static WaitTime between(double minSeconds, double maxSeconds) {
    checkSeconds(minSeconds);
    checkSeconds(maxSeconds);
    if (maxSeconds < minSeconds) {
      throw new IllegalArgumentException("max < min: " + maxSeconds + " < " + minSeconds);
    }
    return context ->
        seconds(minSeconds + context.random().nextDouble() * (maxSeconds - minSeconds));
  }

  /** Always the same wait (Locust's {@code constant}). */
  static WaitTime constant(double seconds) {
    checkSeconds(seconds);
    Duration wait = seconds(seconds);
    return context -> wait;
  }

  /**
   * Waits so that a task starts every {@code seconds} per user, measured from the start of the
   * previous task; zero when a task took longer (Locust's {@code constant_pacing}).
   */
  static WaitTime constantPacing(double seconds) {
    checkSeconds(seconds);
    Duration pace = seconds(seconds);
    return context -> context.nextPacedWait(pace);
  }

  /**
   * Waits so that each user runs at most {@code taskRunsPerSecond} tasks per second, the inverse of
   * {@link #constantPacing} (Locust's {@code constant_throughput}).
   */
  static WaitTime constantThroughput(double taskRunsPerSecond) {
    if (!(taskRunsPerSecond > 0) || Double.isInfinite(taskRunsPerSecond)) {
      throw new IllegalArgumentException(
          "task runs per second must be positive: " + taskRunsPerSecond);
    }
    return constantPacing(1 / taskRunsPerSecond);
  }

  private static void checkSeconds(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("seconds must be finite and >= 0: " + seconds);
    }
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
