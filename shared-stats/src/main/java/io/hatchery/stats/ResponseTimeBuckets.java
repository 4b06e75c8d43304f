package io.hatchery.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Locust's response-time bucketing: the key under which a response time is counted in {@code
 * response_times}. Mirrors {@code StatsEntry._log_response_time} in locust/stats.py (2.12.1):
 *
 * <ul>
 *   <li>t &lt; 100 ms: {@code round(t)}, to the nearest integer;
 *   <li>100 &le; t &lt; 1000: {@code round(t, -1)}, to tens;
 *   <li>1000 &le; t &lt; 10000: {@code round(t, -2)}, to hundreds;
 *   <li>t &ge; 10000: {@code round(t, -3)}, to thousands.
 * </ul>
 *
 * <p>Python 3 rounds half to even on the <em>exact binary value</em> of the double (12.5 &rarr; 12,
 * 145.0 &rarr; 140, 155.0 &rarr; 160, 144.99999999999997 &rarr; 140), and so does {@link
 * #bucketOf(double)}, without allocating. Keys are always returned as {@code long} milliseconds
 * (Python sends {@code 150.0} as a float for t &ge; 100; the value is the same).
 *
 * <p>The dense index ({@link #denseIndex(long)}) numbers the canonical keys below {@link
 * #DENSE_LIMIT_MILLIS} so the recorder can count them in a flat array.
 *
 * <p>Thread-safety: stateless.
 */
public final class ResponseTimeBuckets {

  /** Canonical keys below this value (100 s) have a dense index. */
  public static final long DENSE_LIMIT_MILLIS = 100_000;

  /** Number of dense indexes: 100 ones, 90 tens, 90 hundreds, 90 thousands. */
  public static final int DENSE_SIZE = 370;

  /**
   * Above 2^52 every double is an integer and {@code q * unit} may not be exact: use BigDecimal.
   */
  private static final double EXACT_LIMIT = 0x1p52;

  private ResponseTimeBuckets() {}

  /**
   * Returns the bucket of a response time exactly as Python's {@code round} would compute it.
   *
   * @param responseTimeMillis response time in milliseconds, finite
   * @return the bucket key in milliseconds
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public static long bucketOf(double responseTimeMillis) {
    double t = responseTimeMillis;
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("response time must be finite: " + t);
    }
    if (t < 100) {
      return (long) Math.rint(t); // rint is round-half-even on the exact value, like round(t)
    } else if (t < 1000) {
      return roundToMultiple(t, 10);
    } else if (t < 10000) {
      return roundToMultiple(t, 100);
    } else {
      return roundToMultiple(t, 1000);
    }
  }

  /**
   * Rounds {@code t} (&ge; 100) to a multiple of {@code unit}, half to even on the exact value. The
   * remainder {@code t - q * unit} is computed exactly: both operands are doubles within a factor
   * of two of each other (Sterbenz), so the tie test compares exact values.
   */
  private static long roundToMultiple(double t, long unit) {
    if (t >= EXACT_LIMIT) {
      return new BigDecimal(t)
              .divide(BigDecimal.valueOf(unit))
              .setScale(0, RoundingMode.HALF_EVEN)
              .longValueExact()
          * unit;
    }
    long q = (long) (t / unit);
    double r = t - (double) (q * unit);
    if (r < 0) {
      q--;
      r = t - (double) (q * unit);
    } else if (r >= unit) {
      q++;
      r = t - (double) (q * unit);
    }
    double half = unit / 2.0;
    if (r > half || (r == half && (q & 1) == 1)) {
      q++;
    }
    return q * unit;
  }

  /**
   * Returns the dense index of a canonical bucket key, or -1 if the key has none (negative, at or
   * above {@link #DENSE_LIMIT_MILLIS}, or not a multiple of its range's unit).
   */
  public static int denseIndex(long bucketMillis) {
    long b = bucketMillis;
    if (b < 0) {
      return -1;
    } else if (b < 100) {
      return (int) b;
    } else if (b < 1000) {
      return b % 10 == 0 ? (int) (100 + (b - 100) / 10) : -1;
    } else if (b < 10000) {
      return b % 100 == 0 ? (int) (190 + (b - 1000) / 100) : -1;
    } else if (b < DENSE_LIMIT_MILLIS) {
      return b % 1000 == 0 ? (int) (280 + (b - 10000) / 1000) : -1;
    }
    return -1;
  }

  /** Inverse of {@link #denseIndex(long)}: the bucket key in milliseconds of a dense index. */
  public static long bucketOfDenseIndex(int index) {
    if (index < 0 || index >= DENSE_SIZE) {
      throw new IllegalArgumentException("dense index out of range: " + index);
    } else if (index < 100) {
      return index;
    } else if (index < 190) {
      return 100 + (index - 100) * 10L;
    } else if (index < 280) {
      return 1000 + (index - 190) * 100L;
    }
    return 10000 + (index - 280) * 1000L;
  }

  /**
   * Converts a histogram of response times in microseconds into Locust's bucket map, each bin
   * counted under the bucket of its median equivalent value. This equals what a Python worker
   * reports for the same latencies whenever no bin straddles a bucket boundary (bins are 1 &micro;s
   * wide below 2.048 ms and 0.1% wide above); {@link StatsRecorder} does not need it, as it counts
   * buckets from the exact values.
   */
  public static LongCounts fromHistogram(Histogram histogramMicros) {
    LongCounts buckets = new LongCounts();
    for (HistogramIterationValue v : histogramMicros.recordedValues()) {
      long micros = histogramMicros.medianEquivalentValue(v.getValueIteratedTo());
      buckets.add(bucketOf(micros / 1000.0), v.getCountAtValueIteratedTo());
    }
    return buckets;
  }
}
