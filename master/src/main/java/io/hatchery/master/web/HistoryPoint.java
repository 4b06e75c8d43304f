package io.hatchery.master.web;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * One sample of the charts: Locust's {@code stats.history} row (2.12.1 keeps one every 5 s for the
 * report; the page keeps its own). Immutable.
 *
 * @param time when the snapshot was taken
 * @param userCount running users
 * @param currentRps the total's current requests per second (last ~10 s)
 * @param currentFailPerSec the total's current failures per second
 * @param currentMedianMillis the total's current median response time, -1 when unknown
 * @param currentP95Millis the total's current 95th percentile, -1 when unknown
 */
public record HistoryPoint(
    Instant time,
    int userCount,
    double currentRps,
    double currentFailPerSec,
    long currentMedianMillis,
    long currentP95Millis) {

  /** Samples a snapshot. */
  public static HistoryPoint of(MasterSnapshot snapshot) {
    RequestStats stats = snapshot.stats();
    StatsEntry total = stats.total();
    return new HistoryPoint(
        snapshot.takenAt(),
        snapshot.userCount(),
        total.currentRps(total),
        total.currentFailPerSec(total),
        orUnknown(stats.currentResponseTimePercentile(total, 0.5)),
        orUnknown(stats.currentResponseTimePercentile(total, 0.95)));
  }

  private static long orUnknown(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : -1;
  }
}
