package io.hatchery.cli.headless;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run ended and the exit code that follows, by Locust 2.12.1's rules ({@code shutdown()} in
 * locust/main.py) plus thresholds: a failed threshold exits 1 (as locust-plugins sets {@code
 * process_exit_code}); else any recorded failure or user exception exits {@code
 * --exit-code-on-error}; else an internal error exits 2; else 0. Immutable.
 *
 * @param checks the threshold comparisons (empty when none were set)
 * @param errorCount distinct request errors recorded
 * @param exceptionCount distinct user exceptions recorded
 * @param internalError whether Hatchery itself failed during the run
 * @param degraded the master's reasons why the run was below what was asked
 * @param exitCodeOnError {@code --exit-code-on-error}
 */
public record RunOutcome(
    List<ThresholdCheck> checks,
    int errorCount,
    int exceptionCount,
    boolean internalError,
    List<String> degraded,
    int exitCodeOnError) {

  /** Exit code when Hatchery itself failed (Locust: an unhandled greenlet exception). */
  public static final int INTERNAL_ERROR_EXIT_CODE = 2;

  public RunOutcome {
    checks = List.copyOf(checks);
    degraded = List.copyOf(degraded);
  }

  public boolean thresholdsPassed() {
    return checks.stream().allMatch(ThresholdCheck::passed);
  }

  public int exitCode() {
    if (!thresholdsPassed()) {
      return 1;
    }
    if (errorCount > 0 || exceptionCount > 0) {
      return exitCodeOnError;
    }
    return internalError ? INTERNAL_ERROR_EXIT_CODE : 0;
  }

  /** The verdict printed after the final tables; empty when there is nothing to say. */
  public List<String> verdict() {
    List<String> lines = new ArrayList<>();
    for (String reason : degraded) {
      lines.add("Degraded run: " + reason);
    }
    if (!checks.isEmpty()) {
      lines.add("Thresholds:");
      checks.forEach(c -> lines.add("  " + c.line()));
      lines.add(
          thresholdsPassed()
              ? "All thresholds passed"
              : "Thresholds failed: "
                  + checks.stream().filter(c -> !c.passed()).count()
                  + " of "
                  + checks.size());
    }
    return lines;
  }
}
