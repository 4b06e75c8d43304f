package io.hatchery.stats.histogram;

import org.HdrHistogram.Histogram;

/**
 * The sum of many {@link HistogramCounts} (&micro;s, 3 significant digits, lowest discernible value
 * 1): the master's exact response times of one entry, fed once per worker report.
 *
 * <p>{@link #add} costs one array addition per non-empty bin: counts are summed by counts index
 * into chunks of 1024 slots allocated on first touch (a 5&ndash;500 ms range touches 7 chunks, 56
 * KB). They are moved into an HdrHistogram only when a reader asks ({@link #valueAtPercentile},
 * {@link #counts}), so with many workers each distinct bin is recorded into the {@link Histogram}
 * once per read instead of once per report. Adding a 187-bin report histogram takes ~0.18 &micro;s
 * here, against ~0.87 &micro;s for {@code recordValueWithCount} per bin (bench/README.md).
 *
 * <p>Percentiles are HdrHistogram's own ({@link Histogram#getValueAtPercentile}) over exactly the
 * counts added, so they are identical to adding every report into one {@link Histogram}.
 *
 * <p>Thread-safety: not thread-safe; confine to one thread (the master's aggregation thread). A
 * {@link #copy()} may be read (never added to) by many threads.
 */
public final class HistogramSum {

  private static final int CHUNK_BITS = 10;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

  private final long[][] pending = new long[(HistogramCodec.MAX_INDEX >>> CHUNK_BITS) + 1][];
  private long pendingTotal;
  private Histogram histogram;

  /** Adds every bin of {@code counts}. */
  public void add(HistogramCounts counts) {
    for (int bin = 0; bin < counts.binCount(); bin++) {
      int index = counts.index(bin);
      if (index > HistogramCodec.MAX_INDEX) {
        // only counts built locally from a Histogram can get here; decoded ones are bounded
        histogram().recordValueWithCount(LatencyCounts.valueFromIndex(index), counts.count(bin));
        continue;
      }
      long[] chunk = pending[index >>> CHUNK_BITS];
      if (chunk == null) {
        chunk = new long[CHUNK_SIZE];
        pending[index >>> CHUNK_BITS] = chunk;
      }
      chunk[index & (CHUNK_SIZE - 1)] += counts.count(bin);
      pendingTotal += counts.count(bin);
    }
  }

  /**
   * Returns an independent deep copy of the counts added so far, already folded into its histogram:
   * reading the copy ({@link #valueAtPercentile}, {@link #counts}, {@link #totalCount}) never
   * writes to it, so a copy published to other threads may be read by several at once as long as
   * nobody calls {@link #add} on it. Folds this sum's pending counts as a side effect.
   */
  public HistogramSum copy() {
    HistogramSum copy = new HistogramSum();
    copy.histogram = flushed().copy();
    return copy;
  }

  /** Returns the number of values added. */
  public long totalCount() {
    return pendingTotal + (histogram == null ? 0 : histogram.getTotalCount());
  }

  /** Returns HdrHistogram's value at {@code percentile} (0&ndash;100) in &micro;s. */
  public long valueAtPercentile(double percentile) {
    return flushed().getValueAtPercentile(percentile);
  }

  /** Returns the non-empty bins added so far. */
  public HistogramCounts counts() {
    return HistogramCounts.of(flushed());
  }

  private Histogram histogram() {
    if (histogram == null) {
      histogram = HistogramCodec.newHistogram();
    }
    return histogram;
  }

  private Histogram flushed() {
    Histogram histogram = histogram();
    if (pendingTotal == 0) {
      return histogram;
    }
    for (int c = 0; c < pending.length; c++) {
      long[] chunk = pending[c];
      for (int i = 0; chunk != null && i < CHUNK_SIZE; i++) {
        if (chunk[i] != 0) {
          histogram.recordValueWithCount(
              LatencyCounts.valueFromIndex((c << CHUNK_BITS) + i), chunk[i]);
          chunk[i] = 0;
        }
      }
    }
    pendingTotal = 0;
    return histogram;
  }
}
