package io.hatchery.stats.wire;

import io.hatchery.stats.LongCounts;
import java.util.Map;

/**
 * Type checks for decoded msgpack values (ints as {@code Long}, floats as {@code Double}, see the
 * value mapping in the protocol module) and the numeric-key normalisation of Locust's maps.
 *
 * <p>Thread-safety: stateless.
 */
final class WireValues {

  /** Keys at or beyond 2^63 in magnitude cannot become a {@code long}. */
  private static final double LONG_LIMIT = 0x1p63;

  private WireValues() {}

  static String string(Object value, String key) throws MalformedStatsException {
    if (value instanceof String s) {
      return s;
    }
    throw malformed(key, value, "a string");
  }

  static String stringOrNull(Object value, String key) throws MalformedStatsException {
    return value == null ? null : string(value, key);
  }

  /** A finite number (int or float) as a double. */
  static double number(Object value, String key) throws MalformedStatsException {
    if (value instanceof Long l) {
      return l;
    } else if (value instanceof Double d && Double.isFinite(d)) {
      return d;
    }
    throw malformed(key, value, "a finite number");
  }

  static Double numberOrNull(Object value, String key) throws MalformedStatsException {
    return value == null ? null : number(value, key);
  }

  /** A count: a non-negative int, or a float with an integral value. */
  static long count(Object value, String key) throws MalformedStatsException {
    if (value instanceof Long l && l >= 0) {
      return l;
    } else if (value instanceof Double d && d >= 0 && d < LONG_LIMIT && d == Math.rint(d)) {
      return d.longValue();
    }
    throw malformed(key, value, "a non-negative integer count");
  }

  /**
   * A map key as {@code long}: ints as they are, integral floats exactly ({@code 150.0 == 150}, as
   * Python treats them), non-integral floats (Locust 0.x buckets) rounded half to even.
   */
  static long numericKey(Object value, String key) throws MalformedStatsException {
    if (value instanceof Long l) {
      return l;
    } else if (value instanceof Double d) {
      return numericKey(d.doubleValue(), key);
    }
    throw malformed(key, value, "a numeric map key");
  }

  /** {@link #numericKey(Object, String)} of a float, without boxing it. */
  static long numericKey(double value, String key) throws MalformedStatsException {
    if (Double.isFinite(value) && Math.abs(value) < LONG_LIMIT) {
      return (long) Math.rint(value);
    }
    throw malformed(key, value, "a numeric map key");
  }

  /** A map of numeric keys to counts; keys equal after normalisation are summed. */
  static LongCounts counts(Object value, String key) throws MalformedStatsException {
    if (!(value instanceof Map<?, ?> map)) {
      throw malformed(key, value, "a map");
    }
    LongCounts counts = LongCounts.withExpectedKeys(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      counts.add(numericKey(e.getKey(), key), count(e.getValue(), key));
    }
    return counts;
  }

  static MalformedStatsException malformed(String key, Object value, String expected) {
    String type = value == null ? "nil" : value.getClass().getSimpleName();
    String shown = String.valueOf(value);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "...";
    }
    return new MalformedStatsException(
        "'" + key + "' must be " + expected + ", got " + type + " " + shown);
  }
}
