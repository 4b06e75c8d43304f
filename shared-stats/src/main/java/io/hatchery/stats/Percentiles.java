package io.hatchery.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Locust's percentile arithmetic over a {@code response_times} bucket map, and the list of reported
 * percentiles. Mirrors {@code calculate_response_time_percentile}, {@code median_from_dict}, {@code
 * get_readable_percentiles} and {@code PERCENTILES_TO_REPORT} in locust/stats.py (2.12.1).
 *
 * <p>Thread-safety: stateless; the maps passed in must not be mutated concurrently.
 */
public final class Percentiles {

  /** The percentiles of the console table and the CSV files, as fractions. */
  public static final List<Double> TO_REPORT =
      List.of(0.50, 0.66, 0.75, 0.80, 0.90, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0);

  private Percentiles() {}

  /**
   * Returns the bucket (ms) that {@code fraction} of the requests finished within: walks buckets
   * from the largest down and returns the first at which {@code numRequests - accumulated <= (long)
   * (numRequests * fraction)}; 0 if none qualifies.
   *
   * @param numRequests Locust passes {@code num_requests}, none-requests included
   * @param fraction in 0..1
   */
  public static long fromBuckets(LongCounts responseTimes, long numRequests, double fraction) {
    long target = (long) (numRequests * fraction);
    long[] keys = responseTimes.sortedKeys();
    long processed = 0;
    for (int i = keys.length - 1; i >= 0; i--) {
      processed += responseTimes.get(keys[i]);
      if (numRequests - processed <= target) {
        return keys[i];
      }
    }
    return 0;
  }

  /**
   * Returns Locust's median bucket before clamping: walks buckets ascending with position {@code
   * (total - 1) / 2}; the last bucket if the walk runs out; 0 for an empty map.
   *
   * @param total Locust passes {@code num_requests - num_none_requests}
   */
  public static long medianBucket(LongCounts responseTimes, long total) {
    long[] keys = responseTimes.sortedKeys();
    if (keys.length == 0) {
      return 0;
    }
    double position = (total - 1) / 2.0;
    for (long key : keys) {
      long count = responseTimes.get(key);
      if (position < count) {
        return key;
      }
      position -= count;
    }
    return keys[keys.length - 1];
  }

  /**
   * Returns the column title of a percentile, e.g. {@code "50%"}, {@code "99.9%"}, {@code "100%"}.
   */
  public static String readable(double fraction) {
    double percent = fraction * 100;
    if (percent == Math.rint(percent)) {
      return (long) percent + "%";
    }
    double rounded = new BigDecimal(percent).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    return BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString() + "%";
  }
}
