package io.hatchery.stats;

/**
 * Locust's request-rate figures (locust/stats.py 2.12.1, {@code current_rps}, {@code
 * current_fail_per_sec}, {@code total_rps}, {@code total_fail_per_sec}). Every entry takes its time
 * window from the <em>global</em> total entry, as Locust's {@code
 * self.stats.last_request_timestamp} does.
 *
 * <p>Thread-safety: stateless.
 */
final class RequestRates {

  private RequestRates() {}

  /**
   * Average of the per-second counts for seconds {@code max(L - 12, S) .. L - 3} where L and S are
   * the integer parts of the total's last request and start times; 0 without a last request.
   */
  static double current(LongCounts perSecond, StatsEntry total) {
    if (total.lastRequestEpochSeconds().isEmpty()) {
      return 0;
    }
    long last = (long) total.lastRequestEpochSeconds().getAsDouble();
    long start = (long) total.startEpochSeconds();
    long sum = 0;
    int seconds = 0;
    for (long t = Math.max(last - 12, start); t < last - 2; t++) {
      sum += perSecond.get(t);
      seconds++;
    }
    return sum / (double) Math.max(seconds, 1);
  }

  /**
   * {@code count / (L - S)} with the total's exact times; 0 if either is nil/0 or they are equal.
   */
  static double overRun(long count, StatsEntry total) {
    double last = total.lastRequestEpochSeconds().orElse(0);
    double start = total.startEpochSeconds();
    if (last == 0 || start == 0 || last == start) {
      return 0.0;
    }
    return count / (last - start);
  }
}
