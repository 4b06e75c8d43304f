package io.hatchery.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.testkit.TestTarget;

/**
 * Checks a master's statistics against what the test target answered, for the two endpoints every
 * third-party interop peer requests: {@code GET /hello} (successes) and {@code GET /status/500}
 * reported as failures named {@code /fail}.
 *
 * <p>Locust4j 1.x and Boomer count a failure as a failure only (never as a request), so {@code
 * /fail} has failures and no requests; the totals follow. Error occurrences are checked separately
 * ({@link #assertErrorOccurrences}), because Locust4j before 2.2.1 re-sends its running totals in
 * every report.
 */
public final class TargetReconciliation {
  public static final String HELLO_PATH = "/hello";
  public static final String FAIL_PATH = "/status/500";
  public static final String FAIL_NAME = "/fail";

  private TargetReconciliation() {}

  /** Asserts that {@code stats} counts exactly what {@code target} served, per endpoint. */
  public static void assertFailuresOnlyPeerMatches(RequestStats stats, TestTarget target) {
    StatsEntry hello = stats.find(HELLO_PATH, "GET").orElseThrow();
    StatsEntry fail = stats.find(FAIL_NAME, "GET").orElseThrow();
    assertThat(hello.numRequests()).isEqualTo(target.requestCount(HELLO_PATH)).isPositive();
    assertThat(hello.numFailures()).isZero();
    assertThat(fail.numRequests()).isZero();
    assertThat(fail.numFailures()).isEqualTo(target.requestCount(FAIL_PATH)).isPositive();
    assertThat(stats.total().numRequests()).isEqualTo(hello.numRequests());
    assertThat(stats.total().numFailures()).isEqualTo(fail.numFailures());
    assertThat(stats.errors().values()).singleElement();
  }

  /**
   * Asserts the merged occurrences of the one error: exactly the failures for a peer that reports
   * deltas (Boomer); at least the failures for Locust4j before 2.2.1, whose every report carries
   * the running total since the test started (fixed upstream in 2.2.1, commits 947ae0c and
   * 03175c7), so any master over-counts its error occurrences.
   */
  public static void assertErrorOccurrences(RequestStats stats, boolean cumulativeReports) {
    long failures = stats.find(FAIL_NAME, "GET").orElseThrow().numFailures();
    long occurrences = stats.errors().values().iterator().next().occurrences();
    if (cumulativeReports) {
      assertThat(occurrences).isGreaterThanOrEqualTo(failures);
    } else {
      assertThat(occurrences).isEqualTo(failures);
    }
  }
}
