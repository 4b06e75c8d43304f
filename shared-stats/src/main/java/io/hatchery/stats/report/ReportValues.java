package io.hatchery.stats.report;

import io.hatchery.stats.Percentiles;
import io.hatchery.stats.PythonStrings;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The figures of a stats entry as Locust's master would print them, with Python's int-or-float
 * distinction: {@code median_response_time} is a bucket key (int below 100 ms, float from 100 ms
 * up) unless clamped to the (float) min or max; {@code min_response_time or 0} and a never-raised
 * max are the int 0. Also the sort orders of {@code sort_stats} and the error name of {@code
 * StatsError.to_name}.
 */
final class ReportValues {
  private ReportValues() {}

  /** Entries sorted like Python's {@code sorted(stats.entries.keys())}: by name, then method. */
  static List<StatsEntry> sortedEntries(RequestStats stats) {
    List<StatsEntry> entries = new ArrayList<>(stats.entries());
    entries.sort(
        Comparator.comparing(StatsEntry::name, ReportValues::compareCodePoints)
            .thenComparing(
                e -> e.method() == null ? "" : e.method(), ReportValues::compareCodePoints));
    return entries;
  }

  /** Errors sorted by their key (Locust's {@code sort_stats(stats.errors)}). */
  static List<StatsError> sortedErrors(RequestStats stats) {
    return stats.errors().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .map(java.util.Map.Entry::getValue)
        .toList();
  }

  /** {@code median_response_time} written as Python would: int bucket or clamped float. */
  static String median(StatsEntry entry) {
    if (entry.responseTimes().isEmpty()) {
      return "0";
    }
    if (entry.hasExactPercentiles()) {
      return Long.toString(Math.round(entry.medianResponseTime()));
    }
    long bucket =
        Percentiles.medianBucket(
            entry.responseTimes(), entry.numRequests() - entry.numNoneRequests());
    if (bucket > entry.maxResponseTimeMillis()) {
      return PythonFormat.floatRepr(entry.maxResponseTimeMillis());
    }
    if (entry.minResponseTimeMillis().isPresent()
        && bucket < entry.minResponseTimeMillis().getAsDouble()) {
      return PythonFormat.floatRepr(entry.minResponseTimeMillis().getAsDouble());
    }
    return bucketKey(bucket);
  }

  /**
   * A bucket key as a Python worker's rounding produces it: {@code round(t)} (an int) below 100 ms,
   * {@code round(t, -1)} and coarser (floats) from 100 ms up.
   */
  static String bucketKey(long bucket) {
    return bucket >= 100 ? bucket + ".0" : Long.toString(bucket);
  }

  /** {@code min_response_time or 0}. */
  static String min(StatsEntry entry) {
    double min = entry.minResponseTimeMillis().orElse(0);
    return min == 0 ? "0" : PythonFormat.floatRepr(min);
  }

  /** {@code max_response_time}: the int 0 until a request raised it. */
  static String max(StatsEntry entry) {
    double max = entry.maxResponseTimeMillis();
    return max == 0 ? "0" : PythonFormat.floatRepr(max);
  }

  /** {@code avg_content_length}: the int 0 without requests. */
  static String avgContentLength(StatsEntry entry) {
    return entry.numRequests() == 0 ? "0" : PythonFormat.floatRepr(entry.avgContentLength());
  }

  /** Python's {@code str(method)} of a possibly {@code None} method, as csv writes it. */
  static String csvMethod(String method) {
    return method == null ? "" : method;
  }

  /**
   * {@code StatsError.to_name} on a master, where the error is the wire text: a {@code
   * CatchResponseError(...)} wrapper is unwrapped, any other text shown as its {@code repr}.
   */
  static String errorName(StatsError error) {
    String text = error.error();
    String wrapper = "CatchResponseError(";
    String shown =
        text.startsWith(wrapper)
            ? text.substring(wrapper.length(), text.length() - 1)
            : PythonStrings.repr(text);
    return (error.method() == null ? "None" : error.method()) + " " + error.name() + ": " + shown;
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
