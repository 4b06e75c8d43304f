package io.hatchery.stats.histogram;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An immutable, sparse histogram of response times in microseconds: the non-empty bins of an
 * HdrHistogram with 3 significant digits and a lowest discernible value of 1 &micro;s, by counts
 * index. One report interval of one entry; what travels in the {@code hdr_histogram} key.
 *
 * <p>Sparse because a report holds tens to hundreds of non-empty bins while a dense {@link
 * Histogram} of the same range allocates and scans tens of thousands of counts: merging sparse
 * counts into the master's histogram costs one {@code recordValueWithCount} per non-empty bin.
 *
 * <p>Thread-safety: immutable.
 */
public final class HistogramCounts {

  private static final HistogramCounts EMPTY = new HistogramCounts(new int[0], new long[0], 0);

  private final int[] indexes;
  private final long[] counts;
  private final long totalCount;

  HistogramCounts(int[] indexes, long[] counts, long totalCount) {
    this.indexes = indexes;
    this.counts = counts;
    this.totalCount = totalCount;
  }

  /** Returns counts without any value. */
  public static HistogramCounts empty() {
    return EMPTY;
  }

  /**
   * Returns the non-empty bins of {@code histogram}.
   *
   * @param histogram values in &micro;s, created by {@link HistogramCodec#newHistogram()} (3
   *     significant digits, lowest discernible value 1)
   * @throws IllegalArgumentException for a histogram with another layout
   */
  public static HistogramCounts of(Histogram histogram) {
    if (histogram.getNumberOfSignificantValueDigits() != HistogramCodec.SIGNIFICANT_DIGITS
        || histogram.getLowestDiscernibleValue() != 1) {
      throw new IllegalArgumentException("histogram must have 3 digits and a lowest value of 1");
    }
    int[] indexes = new int[16];
    long[] counts = new long[16];
    int size = 0;
    for (HistogramIterationValue v : histogram.recordedValues()) {
      if (size == indexes.length) {
        indexes = Arrays.copyOf(indexes, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      indexes[size] = LatencyCounts.countsIndex(v.getValueIteratedTo());
      counts[size++] = v.getCountAtValueIteratedTo();
    }
    return new HistogramCounts(
        Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size), histogram.getTotalCount());
  }

  /** Returns the number of values. */
  public long totalCount() {
    return totalCount;
  }

  /** Returns the number of non-empty bins. */
  public int binCount() {
    return indexes.length;
  }

  /** Records every value into {@code target} (which should be auto-resizing, 3 digits). */
  public void addTo(Histogram target) {
    for (int i = 0; i < indexes.length; i++) {
      target.recordValueWithCount(LatencyCounts.valueFromIndex(indexes[i]), counts[i]);
    }
  }

  /** Returns a new dense histogram with these values. */
  public Histogram toHistogram() {
    Histogram histogram = HistogramCodec.newHistogram();
    addTo(histogram);
    return histogram;
  }

  int index(int bin) {
    return indexes[bin];
  }

  long count(int bin) {
    return counts[bin];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistogramCounts other
        && Arrays.equals(indexes, other.indexes)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indexes) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "HistogramCounts[bins=" + indexes.length + ", totalCount=" + totalCount + "]";
  }
}
