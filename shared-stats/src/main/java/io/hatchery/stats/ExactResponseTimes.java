package io.hatchery.stats;

import io.hatchery.stats.histogram.HistogramCounts;
import io.hatchery.stats.histogram.HistogramSum;

/**
 * The exact side of a {@link StatsEntry}: the sum of the contributors' HdrHistograms (&micro;s, 3
 * significant digits), valid only while every report with timed requests carried a histogram whose
 * count matches. One report without (a Python, Boomer or Locust4j worker, or a rejected histogram)
 * makes the entry fall back to Locust's buckets until it is reset.
 *
 * <p>Thread-safety: not thread-safe; owned by its entry.
 */
final class ExactResponseTimes {

  private HistogramSum histogram;
  private boolean complete = true;

  /** Returns a deep copy (the histogram sum included). */
  ExactResponseTimes copy() {
    ExactResponseTimes copy = new ExactResponseTimes();
    copy.histogram = histogram == null ? null : histogram.copy();
    copy.complete = complete;
    return copy;
  }

  void reset() {
    histogram = null;
    complete = true;
  }

  void extend(EntryReport other) {
    HistogramCounts otherCounts = other.histogram();
    if (otherCounts != null && otherCounts.totalCount() == other.timedRequests()) {
      if (complete && otherCounts.totalCount() > 0) {
        if (histogram == null) {
          histogram = new HistogramSum();
        }
        histogram.add(otherCounts);
      }
    } else if (other.timedRequests() > 0) {
      complete = false;
      histogram = null; // never needed again until reset: free it
    }
  }

  /** Returns whether exact percentiles are available. */
  boolean isExact() {
    return complete && histogram != null && histogram.totalCount() > 0;
  }

  /** The exact percentile in ms, clamped into [min, max]; only when {@link #isExact()}. */
  double percentileMillis(double fraction, double minMillis, double maxMillis) {
    double millis = Math.min(histogram.valueAtPercentile(fraction * 100) / 1000.0, maxMillis);
    return Double.isNaN(minMillis) ? millis : Math.max(millis, minMillis);
  }

  /** The counts of the histogram when it is valid, else {@code null}. */
  HistogramCounts countsOrNull() {
    return complete && histogram != null ? histogram.counts() : null;
  }
}
