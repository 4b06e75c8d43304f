package io.hatchery.cli.headless;

import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Pass/fail limits on the final statistics, with locust-plugins' option names: {@code
 * --check-fail-ratio}, {@code --check-avg-response-time}, {@code --check-p95} and {@code
 * --check-rps}. All figures are those of the Aggregated row at the end of the run; RPS is the run
 * average. Immutable.
 *
 * @param failRatio largest failure ratio allowed (0..1)
 * @param avgResponseTimeMillis largest average response time allowed, ms
 * @param p95Millis largest 95th percentile allowed, ms
 * @param rps smallest average requests per second required
 */
public record Thresholds(
    OptionalDouble failRatio,
    OptionalDouble avgResponseTimeMillis,
    OptionalDouble p95Millis,
    OptionalDouble rps) {

  public static Thresholds from(Settings settings) {
    return new Thresholds(
        settings.decimal(LocustOption.CHECK_FAIL_RATIO),
        settings.decimal(LocustOption.CHECK_AVG_RESPONSE_TIME),
        settings.decimal(LocustOption.CHECK_P95),
        settings.decimal(LocustOption.CHECK_RPS));
  }

  public boolean isEmpty() {
    return failRatio.isEmpty()
        && avgResponseTimeMillis.isEmpty()
        && p95Millis.isEmpty()
        && rps.isEmpty();
  }

  /** Compares every set threshold with {@code stats}' total. */
  public List<ThresholdCheck> evaluate(RequestStats stats) {
    StatsEntry total = stats.total();
    List<ThresholdCheck> checks = new ArrayList<>();
    failRatio.ifPresent(
        limit ->
            checks.add(
                new ThresholdCheck(
                    "--check-fail-ratio", "failure ratio", limit, total.failRatio(), true)));
    avgResponseTimeMillis.ifPresent(
        limit ->
            checks.add(
                new ThresholdCheck(
                    "--check-avg-response-time",
                    "average response time (ms)",
                    limit,
                    total.avgResponseTime(),
                    true)));
    p95Millis.ifPresent(
        limit ->
            checks.add(
                new ThresholdCheck(
                    "--check-p95",
                    "95th percentile response time (ms)",
                    limit,
                    total.numRequests() == 0 ? 0 : total.responseTimePercentile(0.95),
                    true)));
    rps.ifPresent(
        limit ->
            checks.add(
                new ThresholdCheck(
                    "--check-rps", "requests per second", limit, total.totalRps(total), false)));
    return checks;
  }
}
