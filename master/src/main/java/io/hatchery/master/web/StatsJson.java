package io.hatchery.master.web;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.WorkerView;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The JSON bodies of {@code /stats/requests} and {@code /exceptions}, with the keys, value types,
 * ordering, escaping and truncation of Locust 2.12.1's {@code web.py} ({@code request_stats},
 * {@code exceptions}). Stateless; reads the snapshot only.
 */
final class StatsJson {

  /** Locust truncates the table to keep the page fast; Aggregated is always kept. */
  static final int MAX_ROWS = 500;

  private static final Comparator<StatsEntry> BY_NAME_THEN_METHOD =
      Comparator.comparing(StatsEntry::name)
          .thenComparing(StatsEntry::method, Comparator.nullsFirst(Comparator.naturalOrder()));

  private StatsJson() {}

  /** The body of {@code /stats/requests}. */
  static Map<String, Object> requests(MasterSnapshot snapshot) {
    RequestStats stats = snapshot.stats();
    StatsEntry total = stats.total();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StatsEntry entry : sorted(stats)) {
      rows.add(row(entry, total));
    }
    Map<String, Object> totalRow = row(total, total);
    List<Map<String, Object>> errors = new ArrayList<>();
    for (StatsError error : stats.errors().values()) {
      if (errors.size() == MAX_ROWS) {
        break;
      }
      errors.add(error(error));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    List<Map<String, Object>> truncated =
        new ArrayList<>(rows.subList(0, Math.min(MAX_ROWS, rows.size())));
    truncated.add(totalRow);
    body.put("stats", truncated);
    body.put("errors", errors);
    body.put("total_rps", totalRow.get("current_rps"));
    body.put("fail_ratio", total.failRatio());
    body.put("current_response_time_percentile_95", current(stats, 0.95));
    body.put("current_response_time_percentile_50", current(stats, 0.5));
    List<Map<String, Object>> workers = new ArrayList<>();
    for (WorkerView worker : snapshot.workers()) {
      workers.add(worker(worker));
    }
    body.put("workers", workers);
    body.put("state", snapshot.state().wire());
    body.put("user_count", snapshot.userCount());
    return body;
  }

  /** The body of {@code /exceptions}: message and traceback escaped, nodes joined by ", ". */
  static Map<String, Object> exceptions(MasterSnapshot snapshot) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ExceptionView exception : snapshot.exceptions()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("count", exception.count());
      row.put("msg", PythonHtml.escape(exception.message()));
      row.put("traceback", PythonHtml.escape(exception.traceback()));
      row.put("nodes", String.join(", ", exception.nodes()));
      rows.add(row);
    }
    return Map.of("exceptions", rows);
  }

  /** The entries sorted by (name, method), as Locust's {@code sort_stats}. */
  static List<StatsEntry> sorted(RequestStats stats) {
    List<StatsEntry> entries = new ArrayList<>(stats.entries());
    entries.sort(BY_NAME_THEN_METHOD);
    return entries;
  }

  private static Map<String, Object> row(StatsEntry entry, StatsEntry total) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("method", entry.method() == null ? "" : entry.method());
    row.put("name", entry.name());
    row.put("safe_name", PythonHtml.escape(entry.name(), false));
    row.put("num_requests", entry.numRequests());
    row.put("num_failures", entry.numFailures());
    row.put("avg_response_time", entry.avgResponseTime());
    row.put("min_response_time", (double) Math.round(entry.minResponseTimeMillis().orElse(0)));
    row.put("max_response_time", (double) Math.round(entry.maxResponseTimeMillis()));
    row.put("current_rps", entry.currentRps(total));
    row.put("current_fail_per_sec", entry.currentFailPerSec(total));
    row.put("median_response_time", Numbers.millis(entry.medianResponseTime()));
    row.put("ninetieth_response_time", Numbers.millis(entry.responseTimePercentile(0.9)));
    row.put("ninety_ninth_response_time", Numbers.millis(entry.responseTimePercentile(0.99)));
    row.put("avg_content_length", entry.avgContentLength());
    return row;
  }

  private static Map<String, Object> error(StatsError error) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", PythonHtml.escape(error.name()));
    row.put("method", error.method());
    row.put("error", PythonHtml.escape(error.error()));
    row.put("occurrences", error.occurrences());
    return row;
  }

  private static Map<String, Object> worker(WorkerView worker) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", worker.id());
    row.put("state", worker.state().wire());
    row.put("user_count", worker.userCount());
    row.put("cpu_usage", worker.cpuUsagePercent());
    row.put("memory_usage", worker.memoryUsageBytes());
    return row;
  }

  private static Long current(RequestStats stats, double fraction) {
    OptionalLong value = stats.currentResponseTimePercentile(stats.total(), fraction);
    return value.isPresent() ? value.getAsLong() : null;
  }
}
