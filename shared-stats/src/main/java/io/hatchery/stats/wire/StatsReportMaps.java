package io.hatchery.stats.wire;

import static io.hatchery.stats.wire.WireValues.malformed;

import io.hatchery.stats.EntryReport;
import io.hatchery.stats.StatsError;
import io.hatchery.stats.StatsReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link StatsReport} &harr; the statistics keys of a {@code stats} message's data: {@code stats}
 * (array of entry maps), {@code stats_total} (entry map) and {@code errors} (key &rarr; error map).
 * The caller adds and reads {@code user_classes_count} and {@code user_count}.
 *
 * <pre>{@code
 * Map<String, Object> data = StatsReportMaps.toMap(recorder.snapshot());  // worker
 * data.put("user_classes_count", counts);
 * stats.merge(StatsReportMaps.fromMap(data, clock.millis() / 1000.0));    // master
 * }</pre>
 *
 * <p>Decoding is all-or-nothing: a malformed entry rejects the whole report, so a master never
 * merges half a report (a Python master merges entries until it hits the bad one). A missing {@code
 * errors} key is read as no errors.
 *
 * <p>Thread-safety: stateless.
 */
public final class StatsReportMaps {

  public static final String STATS = "stats";
  public static final String STATS_TOTAL = "stats_total";
  public static final String ERRORS = "errors";

  private StatsReportMaps() {}

  /** Returns a mutable map holding {@code stats}, {@code stats_total} and {@code errors}. */
  public static Map<String, Object> toMap(StatsReport report) {
    List<Object> stats = new ArrayList<>(report.stats().size());
    for (EntryReport entry : report.stats()) {
      stats.add(StatsEntryMaps.toMap(entry));
    }
    Map<String, Object> errors = new LinkedHashMap<>();
    report.errors().forEach((key, error) -> errors.put(key, StatsErrorMaps.toMap(error)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(STATS, stats);
    data.put(STATS_TOTAL, StatsEntryMaps.toMap(report.total()));
    data.put(ERRORS, errors);
    return data;
  }

  /**
   * Decodes the statistics of a peer's {@code stats} data.
   *
   * @param nowEpochSeconds default {@code start_time} of entries that lack one
   * @throws MalformedStatsException if any part is malformed
   */
  public static StatsReport fromMap(Map<?, ?> data, double nowEpochSeconds)
      throws MalformedStatsException {
    if (!(data.get(STATS) instanceof List<?> entries)) {
      throw malformed(STATS, data.get(STATS), "an array");
    }
    if (!data.containsKey(STATS_TOTAL)) {
      throw new MalformedStatsException("stats data lacks 'stats_total'");
    }
    List<EntryReport> stats = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      stats.add(StatsEntryMaps.fromMap(entry, nowEpochSeconds));
    }
    EntryReport total = StatsEntryMaps.fromMap(data.get(STATS_TOTAL), nowEpochSeconds);
    return fromParts(stats, total, data.get(ERRORS));
  }

  /**
   * Completes a report whose entries were decoded already (by a reader that decodes entries
   * straight from the frame, for example) with its {@code errors} value, decoded as {@link
   * #fromMap} decodes it.
   *
   * @param errorsValue the decoded value of {@code errors}, or null when the key is absent
   * @throws MalformedStatsException if {@code errorsValue} is malformed
   */
  public static StatsReport fromParts(
      List<EntryReport> stats, EntryReport total, Object errorsValue)
      throws MalformedStatsException {
    Map<String, StatsError> errors = new LinkedHashMap<>();
    if (errorsValue != null) {
      if (!(errorsValue instanceof Map<?, ?> errorMap)) {
        throw malformed(ERRORS, errorsValue, "a map");
      }
      for (Map.Entry<?, ?> e : errorMap.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw malformed("error key", e.getKey(), "a string");
        }
        errors.put(key, StatsErrorMaps.fromMap(e.getValue()));
      }
    }
    return new StatsReport(stats, total, errors);
  }
}
