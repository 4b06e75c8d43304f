package io.hatchery.master.web;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.WorkerView;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsError;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code /metrics}: a snapshot in the Prometheus text exposition format 0.0.4 (not in
 * Locust, which needs a separate exporter). Per entry (the total as {@code name="Aggregated"}):
 * request and failure counters, current rates, average and percentile response times in
 * milliseconds; errors; users; the run state; and per worker its state, users, CPU and memory.
 * Stateless.
 */
final class PrometheusMetrics {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final List<Double> QUANTILES = List.of(0.5, 0.9, 0.95, 0.99, 1.0);

  private PrometheusMetrics() {}

  /** Renders the snapshot. */
  static String render(MasterSnapshot snapshot) {
    StringBuilder out = new StringBuilder(4096);
    StatsEntry total = snapshot.stats().total();
    List<StatsEntry> entries = new ArrayList<>(StatsJson.sorted(snapshot.stats()));
    entries.add(total);
    family(out, "hatchery_requests_total", "counter", "Requests per name and method.");
    entries.forEach(e -> sample(out, "hatchery_requests_total", entry(e), e.numRequests()));
    family(out, "hatchery_failures_total", "counter", "Failed requests per name and method.");
    entries.forEach(e -> sample(out, "hatchery_failures_total", entry(e), e.numFailures()));
    family(out, "hatchery_current_rps", "gauge", "Requests per second over the last ~10 s.");
    entries.forEach(e -> sample(out, "hatchery_current_rps", entry(e), e.currentRps(total)));
    family(out, "hatchery_current_fail_per_sec", "gauge", "Failures per second, last ~10 s.");
    entries.forEach(
        e -> sample(out, "hatchery_current_fail_per_sec", entry(e), e.currentFailPerSec(total)));
    family(out, "hatchery_response_time_avg_milliseconds", "gauge", "Average response time.");
    entries.forEach(
        e -> sample(out, "hatchery_response_time_avg_milliseconds", entry(e), e.avgResponseTime()));
    family(out, "hatchery_response_time_milliseconds", "gauge", "Response time percentiles.");
    for (StatsEntry e : entries) {
      for (double q : QUANTILES) {
        String labels = entry(e) + ",quantile=\"" + q + "\"";
        double value = e.numRequests() == 0 ? Double.NaN : e.responseTimePercentile(q);
        sample(out, "hatchery_response_time_milliseconds", labels, value);
      }
    }
    family(out, "hatchery_errors_total", "counter", "Occurrences of each distinct error.");
    for (StatsError error : snapshot.stats().errors().values()) {
      String labels =
          "method=\""
              + label(error.method())
              + "\",name=\""
              + label(error.name())
              + "\",error=\""
              + label(error.error())
              + "\"";
      sample(out, "hatchery_errors_total", labels, error.occurrences());
    }
    runAndWorkers(out, snapshot);
    return out.toString();
  }

  private static void runAndWorkers(StringBuilder out, MasterSnapshot snapshot) {
    family(out, "hatchery_users", "gauge", "Running users on all workers.");
    sample(out, "hatchery_users", "", snapshot.userCount());
    family(out, "hatchery_target_users", "gauge", "User count of the current swarm request.");
    sample(out, "hatchery_target_users", "", snapshot.targetUserCount());
    family(out, "hatchery_state", "gauge", "1 for the master's current run state.");
    for (RunState state : RunState.values()) {
      sample(
          out,
          "hatchery_state",
          "state=\"" + state.wire() + "\"",
          state == snapshot.state() ? 1 : 0);
    }
    family(out, "hatchery_workers", "gauge", "Workers by state.");
    for (WorkerState state : WorkerState.values()) {
      long count = snapshot.workers().stream().filter(w -> w.state() == state).count();
      sample(out, "hatchery_workers", "state=\"" + state.wire() + "\"", count);
    }
    family(out, "hatchery_worker_users", "gauge", "Users each worker last reported.");
    snapshot.workers().forEach(w -> sample(out, "hatchery_worker_users", worker(w), w.userCount()));
    family(out, "hatchery_worker_cpu_usage_percent", "gauge", "Each worker's process CPU usage.");
    snapshot
        .workers()
        .forEach(
            w -> sample(out, "hatchery_worker_cpu_usage_percent", worker(w), w.cpuUsagePercent()));
    family(out, "hatchery_worker_memory_usage_bytes", "gauge", "Each worker's resident memory.");
    snapshot
        .workers()
        .forEach(
            w ->
                sample(out, "hatchery_worker_memory_usage_bytes", worker(w), w.memoryUsageBytes()));
  }

  private static String entry(StatsEntry entry) {
    return "method=\"" + label(entry.method()) + "\",name=\"" + label(entry.name()) + "\"";
  }

  private static String worker(WorkerView worker) {
    return "worker=\"" + label(worker.id()) + "\",state=\"" + worker.state().wire() + "\"";
  }

  private static void family(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String labels, double value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{').append(labels).append('}');
    }
    out.append(' ').append(number(value)).append('\n');
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** Escapes a label value: backslash, double quote and line feed. */
  static String label(String value) {
    if (value == null) {
      return "";
    }
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
