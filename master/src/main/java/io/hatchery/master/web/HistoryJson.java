package io.hatchery.master.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of chart history points, keyed like Locust 2.12.1's {@code stats.history} rows ({@code
 * time}, {@code user_count}, {@code current_rps}, {@code current_fail_per_sec}, {@code
 * response_time_percentile_0.5}, {@code response_time_percentile_0.95}); unknown percentiles are
 * {@code null}. Stateless.
 */
final class HistoryJson {

  private HistoryJson() {}

  /** The points as a list of rows; {@code time} in epoch milliseconds. */
  static List<Map<String, Object>> rows(List<HistoryPoint> points) {
    List<Map<String, Object>> rows = new ArrayList<>(points.size());
    for (HistoryPoint point : points) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("time", point.time().toEpochMilli());
      row.put("user_count", point.userCount());
      row.put("current_rps", point.currentRps());
      row.put("current_fail_per_sec", point.currentFailPerSec());
      row.put("response_time_percentile_0.5", known(point.currentMedianMillis()));
      row.put("response_time_percentile_0.95", known(point.currentP95Millis()));
      rows.add(row);
    }
    return rows;
  }

  private static Long known(long millis) {
    return millis < 0 ? null : millis;
  }
}
