package io.hatchery.worker.runtime;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.StatsPayload;
import io.hatchery.stats.StatsReport;
import io.hatchery.stats.wire.StatsReportMaps;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the worker's {@code stats} message in Locust 2.12.1's shape: {@code stats}, {@code
 * stats_total}, {@code errors} (with Hatchery's HdrHistogram extension key inside each entry),
 * {@code user_classes_count}, {@code user_count}, then whatever {@code report_to_master} listeners
 * add. Mirrors {@code WorkerRunner.stats_reporter} and the {@code on_report_to_master} listener of
 * locust/stats.py. Stateless.
 */
final class StatsMessages {
  private static final Logger log = LoggerFactory.getLogger(StatsMessages.class);

  private StatsMessages() {}

  /**
   * Takes the interval's statistics from the bridge's recorder (resetting it), adds the user
   * counts, lets the scenario add keys, and returns the message.
   */
  static Message report(ScenarioBridge bridge, Map<String, Long> userClassesCount, String nodeId) {
    StatsReport report = bridge.stats().snapshot();
    Map<String, Object> wire = StatsReportMaps.toMap(report);
    long userCount = userClassesCount.values().stream().mapToLong(Long::longValue).sum();
    StatsPayload payload =
        new StatsPayload(
            entries(wire.get(StatsReportMaps.STATS)),
            stringKeyed(wire.get(StatsReportMaps.STATS_TOTAL)),
            errors(wire.get(StatsReportMaps.ERRORS)),
            userClassesCount,
            userCount);
    Map<String, Object> data = payload.toMap();
    try {
      bridge.fireReportToMaster(data);
    } catch (RuntimeException e) {
      // Locust logs a failing report_to_master listener and still sends the report.
      log.error("Uncaught exception in a report_to_master listener", e);
    }
    return new Message(MessageType.STATS, data, nodeId);
  }

  // StatsReportMaps builds these exact types; the casts only restate them for StatsPayload.
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringKeyed(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> errors(Object value) {
    return (Map<String, Map<String, Object>>) value;
  }
}
