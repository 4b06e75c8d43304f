package io.hatchery.master.runner;

import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.stats.wire.StatsReportMaps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user counts of a worker's {@code stats} report ({@code user_classes_count}, optional, and
 * {@code user_count}), read straight from the decoded data. The statistics themselves are validated
 * by {@link StatsReportMaps#fromMap}; together the two accept what {@code StatsPayload.from}
 * accepts without copying every entry map of the report (which cost the master about as much as
 * half a merge per report).
 *
 * @param perClass users per class, or null when the report has none (Locust before 2.0)
 * @param total the reported {@code user_count}
 */
record ReportedUsers(Map<String, Long> perClass, long total) {

  /**
   * @throws ProtocolException if {@code errors} or {@code user_count} is absent, or a count is not
   *     an int (an integral float is taken, as {@code StatsPayload} takes it)
   */
  static ReportedUsers from(Map<?, ?> data) throws ProtocolException {
    if (!data.containsKey(StatsReportMaps.ERRORS)) {
      throw new ProtocolException("stats lacks the mandatory key 'errors'");
    }
    if (!data.containsKey(PayloadKeys.USER_COUNT)) {
      throw new ProtocolException("stats lacks the mandatory key 'user_count'");
    }
    long total = integer(data.get(PayloadKeys.USER_COUNT), "stats user_count");
    Object classes = data.get(PayloadKeys.USER_CLASSES_COUNT);
    if (classes == null) {
      return new ReportedUsers(null, total);
    }
    if (!(classes instanceof Map<?, ?> map)) {
      throw new ProtocolException("stats user_classes_count must be a map");
    }
    Map<String, Long> perClass = LinkedHashMap.newLinkedHashMap(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String name)) {
        throw new ProtocolException("a key of stats user_classes_count is not a string");
      }
      perClass.put(name, integer(e.getValue(), "stats user_classes_count"));
    }
    return new ReportedUsers(perClass, total);
  }

  private static long integer(Object value, String what) throws ProtocolException {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      return d.longValue();
    }
    throw new ProtocolException(what + " must be an int, got " + value);
  }
}
