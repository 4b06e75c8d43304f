package io.hatchery.master.runner;

import io.hatchery.stats.report.StatsJson;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user counts in the master's "All users spawned" line, in Locust 2.12.1's format: the classes
 * as a JSON object sorted by name (Python's {@code json.dumps}, ASCII only), then the total, e.g.
 * {@code {"Api": 3, "Web": 7} (10 total users)}. Stateless and thread-safe.
 */
final class SpawnedUsersLog {
  /** Locust's prefix when every worker reported its target in time. */
  static final String ALL_SPAWNED = "All users spawned";

  /** Locust's prefix when the wait for the workers' reports ran out first. */
  static final String REPORTS_MISSING =
      "Spawning is complete and report waittime is expired, but not all reports received from"
          + " workers";

  private SpawnedUsersLog() {}

  /** Formats {@code perClass} as Locust's {@code _format_user_classes_count_for_log} does. */
  static String format(Map<String, Long> perClass) {
    StringBuilder line = new StringBuilder("{");
    long total = 0;
    for (Map.Entry<String, Long> entry : new TreeMap<>(perClass).entrySet()) {
      if (line.length() > 1) {
        line.append(", ");
      }
      line.append(StatsJson.string(entry.getKey()));
      line.append(": ").append(entry.getValue());
      total += entry.getValue();
    }
    return line.append("} (").append(total).append(" total users)").toString();
  }
}
