package io.hatchery.master.web;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.stats.Percentiles;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsError;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML report of a run: {@code /stats/report} and the CLI's {@code --html}.
 * Mirrors Locust 2.12.1's report (locust/html.py): run period (UTC), target host, request
 * statistics with run-average rates, response-time percentiles, failures, exceptions, the charts
 * rebuilt from the master's history and the final task ratio. Everything (CSS, the chart library,
 * the data) is inlined, so the file opens offline.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("report.html"))) {
 *   HtmlReport.write(control.snapshot(), history.points(), out);
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless. Reading a snapshot's {@code RequestStats} is not thread-safe (exact
 * percentiles fold pending histogram bins on first read), so do not render the same snapshot from
 * two threads at once.
 */
public final class HtmlReport {

  static final List<Double> REPORT_PERCENTILES = List.of(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0);

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private HtmlReport() {}

  /** Writes the report without a task ratio section; does not close {@code out}. */
  public static void write(MasterSnapshot snapshot, List<HistoryPoint> history, Writer out)
      throws IOException {
    write(snapshot, history, Map.of(), out);
  }

  /**
   * Writes the report; does not close {@code out}.
   *
   * @param tasksByClass each user class's tasks for the "Final ratio" section (may be empty)
   */
  public static void write(
      MasterSnapshot snapshot,
      List<HistoryPoint> history,
      Map<String, List<TaskNode>> tasksByClass,
      Writer out)
      throws IOException {
    StatsEntry total = snapshot.stats().total();
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.write("<title>Hatchery Test Report</title><style>");
    out.write(WebResources.text("report.css"));
    out.write("</style></head><body><h1>Hatchery Test Report</h1>\n<div class=\"info\">");
    out.write("<p>During: <span id=\"period\">" + period(total) + "</span></p>");
    out.write("<p>Target Host: " + PythonHtml.escape(snapshot.host().orElse("")) + "</p>");
    out.write("<p>State: " + snapshot.state().wire() + ", users: " + snapshot.userCount());
    out.write("</p></div>\n");
    requestStatistics(snapshot, out);
    responseTimes(snapshot, out);
    failures(snapshot, out);
    exceptions(snapshot, out);
    out.write("<h2>Charts</h2><div id=\"charts\"></div>\n");
    out.write("<h2>Final ratio</h2><pre id=\"ratio\"></pre>\n");
    out.write("<script type=\"application/json\" id=\"history\">");
    out.write(WebJson.writeForScript(HistoryJson.rows(history)));
    out.write("</script>\n<script type=\"application/json\" id=\"tasks\">");
    out.write(WebJson.writeForScript(TaskRatios.of(snapshot, tasksByClass)));
    out.write("</script>\n<script>");
    out.write(WebResources.text(WebResources.CHART_LIBRARY));
    out.write("</script>\n<script>");
    out.write(WebResources.text("charts.js"));
    out.write("</script>\n<script>");
    out.write(WebResources.text("report.js"));
    out.write("</script></body></html>\n");
  }

  private static void requestStatistics(MasterSnapshot snapshot, Writer out) throws IOException {
    out.write("<h2>Request Statistics</h2>");
    table(
        out,
        List.of(
            "Method",
            "Name",
            "# Requests",
            "# Fails",
            "Average (ms)",
            "Min (ms)",
            "Max (ms)",
            "Average size (bytes)",
            "RPS",
            "Failures/s"),
        rows(
            snapshot,
            (entry, total) ->
                List.of(
                    method(entry),
                    entry.name(),
                    String.valueOf(entry.numRequests()),
                    String.valueOf(entry.numFailures()),
                    String.valueOf(Math.round(entry.avgResponseTime())),
                    String.valueOf(Math.round(entry.minResponseTimeMillis().orElse(0))),
                    String.valueOf(Math.round(entry.maxResponseTimeMillis())),
                    String.valueOf(Math.round(entry.avgContentLength())),
                    String.format("%.1f", entry.totalRps(total)),
                    String.format("%.1f", entry.totalFailPerSec(total)))));
  }

  private static void responseTimes(MasterSnapshot snapshot, Writer out) throws IOException {
    out.write("<h2>Response Time Statistics</h2>");
    List<String> header = new ArrayList<>(List.of("Method", "Name"));
    REPORT_PERCENTILES.forEach(p -> header.add(Percentiles.readable(p) + "ile (ms)"));
    table(
        out,
        header,
        rows(
            snapshot,
            (entry, total) -> {
              List<String> row = new ArrayList<>(List.of(method(entry), entry.name()));
              for (double p : REPORT_PERCENTILES) {
                row.add(String.valueOf(Numbers.millis(entry.responseTimePercentile(p))));
              }
              return row;
            }));
  }

  private static void failures(MasterSnapshot snapshot, Writer out) throws IOException {
    out.write("<h2>Failures Statistics</h2>");
    List<List<String>> rows = new ArrayList<>();
    for (StatsError error : snapshot.stats().errors().values()) {
      rows.add(
          List.of(
              error.method() == null ? "" : error.method(),
              error.name(),
              error.error(),
              String.valueOf(error.occurrences())));
    }
    table(out, List.of("Method", "Name", "Error", "Occurrences"), rows);
  }

  private static void exceptions(MasterSnapshot snapshot, Writer out) throws IOException {
    out.write("<h2>Exceptions Statistics</h2>");
    List<List<String>> rows = new ArrayList<>();
    for (ExceptionView exception : snapshot.exceptions()) {
      rows.add(
          List.of(
              String.valueOf(exception.count()),
              exception.message(),
              exception.traceback(),
              String.join(", ", exception.nodes())));
    }
    table(out, List.of("Count", "Message", "Traceback", "Nodes"), rows);
  }

  private interface RowOf {
    List<String> row(StatsEntry entry, StatsEntry total);
  }

  private static List<List<String>> rows(MasterSnapshot snapshot, RowOf rowOf) {
    StatsEntry total = snapshot.stats().total();
    List<List<String>> rows = new ArrayList<>();
    for (StatsEntry entry : StatsJson.sorted(snapshot.stats())) {
      rows.add(rowOf.row(entry, total));
    }
    rows.add(rowOf.row(total, total));
    return rows;
  }

  private static void table(Writer out, List<String> header, List<List<String>> rows)
      throws IOException {
    out.write("<table><thead><tr>");
    for (String title : header) {
      out.write("<th>" + PythonHtml.escape(title) + "</th>");
    }
    out.write("</tr></thead><tbody>");
    for (List<String> row : rows) {
      out.write("<tr>");
      for (String cell : row) {
        out.write("<td>" + PythonHtml.escape(cell) + "</td>");
      }
      out.write("</tr>");
    }
    out.write("</tbody></table>\n");
  }

  private static String method(StatsEntry entry) {
    return entry.method() == null ? "" : entry.method();
  }

  private static String period(StatsEntry total) {
    Instant start = Instant.ofEpochMilli((long) (total.startEpochSeconds() * 1000));
    Instant end =
        total.lastRequestEpochSeconds().isPresent()
            ? Instant.ofEpochMilli((long) (total.lastRequestEpochSeconds().getAsDouble() * 1000))
            : start;
    return UTC.format(start) + " - " + UTC.format(end) + " UTC";
  }
}
