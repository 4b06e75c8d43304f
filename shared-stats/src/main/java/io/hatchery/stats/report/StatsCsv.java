package io.hatchery.stats.report;

import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.Percentiles;
import io.hatchery.stats.PythonStrings;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsError;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of Locust 2.12.1's four CSV files ({@code StatsCSV} and {@code StatsCSVFileWriter}
 * in locust/stats.py), byte for byte: the same headers, Python's number formatting, {@code N/A}
 * percentiles for entries without requests, CRLF line ends. The same texts serve the web UI's CSV
 * downloads.
 *
 * <pre>{@code
 * Files.writeString(Path.of(prefix + "_stats.csv"), StatsCsv.requests(stats));
 * }</pre>
 *
 * <p>Thread-safety: stateless; the stats must not change during a call.
 */
public final class StatsCsv {
  /** Header of {@code _stats.csv} and of {@code /stats/requests/csv}. */
  public static final List<String> REQUESTS_HEADER = requestsHeader();

  /** Header of {@code _stats_history.csv}. */
  public static final List<String> HISTORY_HEADER = historyHeader();

  /** Header of {@code _failures.csv}. */
  public static final List<String> FAILURES_HEADER =
      List.of("Method", "Name", "Error", "Occurrences");

  /** Header of {@code _exceptions.csv}. */
  public static final List<String> EXCEPTIONS_HEADER =
      List.of("Count", "Message", "Traceback", "Nodes");

  private static final String NOT_AVAILABLE = "N/A";

  private StatsCsv() {}

  /** {@code _stats.csv}: header, sorted entries, then the Aggregated row; run-average rates. */
  public static String requests(RequestStats stats) {
    StringBuilder out = new StringBuilder();
    CsvRows.append(out, REQUESTS_HEADER);
    List<StatsEntry> rows = new ArrayList<>(ReportValues.sortedEntries(stats));
    rows.add(stats.total());
    for (StatsEntry entry : rows) {
      List<String> fields = new ArrayList<>();
      fields.add(ReportValues.csvMethod(entry.method()));
      fields.add(entry.name());
      fields.add(Long.toString(entry.numRequests()));
      fields.add(Long.toString(entry.numFailures()));
      fields.add(ReportValues.median(entry));
      fields.add(PythonFormat.floatRepr(entry.avgResponseTime()));
      fields.add(ReportValues.min(entry));
      fields.add(ReportValues.max(entry));
      fields.add(ReportValues.avgContentLength(entry));
      fields.add(PythonFormat.floatRepr(entry.totalRps(stats.total())));
      fields.add(PythonFormat.floatRepr(entry.totalFailPerSec(stats.total())));
      fields.addAll(percentiles(stats, entry, false));
      CsvRows.append(out, fields);
    }
    return out.toString();
  }

  /** The header line of {@code _stats_history.csv}. */
  public static String historyHeaderLine() {
    StringBuilder out = new StringBuilder();
    CsvRows.append(out, HISTORY_HEADER);
    return out.toString();
  }

  /**
   * The rows appended to {@code _stats_history.csv} at one instant: the Aggregated row, preceded by
   * every sorted entry with {@code fullHistory}. Rates are current; percentiles are current with
   * {@code fullHistory} and cumulative without (as 2.12.1 codes it).
   *
   * @param nowEpochSeconds the instant; written as integer seconds
   * @param userCount users running at that instant
   */
  public static String historyRows(
      RequestStats stats, double nowEpochSeconds, int userCount, boolean fullHistory) {
    StringBuilder out = new StringBuilder();
    List<StatsEntry> rows = new ArrayList<>();
    if (fullHistory) {
      rows.addAll(ReportValues.sortedEntries(stats));
    }
    rows.add(stats.total());
    StatsEntry total = stats.total();
    for (StatsEntry entry : rows) {
      List<String> fields = new ArrayList<>();
      fields.add(Long.toString((long) Math.floor(nowEpochSeconds)));
      fields.add(Integer.toString(userCount));
      fields.add(ReportValues.csvMethod(entry.method()));
      fields.add(entry.name());
      fields.add(PythonFormat.fixed(entry.currentRps(total), 6));
      fields.add(PythonFormat.fixed(entry.currentFailPerSec(total), 6));
      fields.addAll(percentiles(stats, entry, fullHistory));
      fields.add(Long.toString(entry.numRequests()));
      fields.add(Long.toString(entry.numFailures()));
      fields.add(ReportValues.median(entry));
      fields.add(PythonFormat.floatRepr(entry.avgResponseTime()));
      fields.add(ReportValues.min(entry));
      fields.add(ReportValues.max(entry));
      fields.add(ReportValues.avgContentLength(entry));
      CsvRows.append(out, fields);
    }
    return out.toString();
  }

  /**
   * {@code _failures.csv}: errors sorted by key; the Error column is the {@code repr} of the wire
   * text, as a 2.12.1 master writes it (quoted once more).
   */
  public static String failures(RequestStats stats) {
    StringBuilder out = new StringBuilder();
    CsvRows.append(out, FAILURES_HEADER);
    for (StatsError error : ReportValues.sortedErrors(stats)) {
      CsvRows.append(
          out,
          List.of(
              ReportValues.csvMethod(error.method()),
              error.name(),
              ErrorTexts.maskAddresses(PythonStrings.repr(error.error())),
              Long.toString(error.occurrences())));
    }
    return out.toString();
  }

  /** {@code _exceptions.csv}: one row per distinct exception, nodes joined by {@code ", "}. */
  public static String exceptions(List<ReportedException> exceptions) {
    StringBuilder out = new StringBuilder();
    CsvRows.append(out, EXCEPTIONS_HEADER);
    for (ReportedException e : exceptions) {
      CsvRows.append(
          out,
          List.of(
              Integer.toString(e.count()),
              e.message(),
              e.traceback(),
              String.join(", ", e.nodes())));
    }
    return out.toString();
  }

  private static List<String> percentiles(RequestStats stats, StatsEntry entry, boolean current) {
    List<String> fields = new ArrayList<>();
    for (double fraction : Percentiles.TO_REPORT) {
      if (entry.numRequests() == 0) {
        fields.add(NOT_AVAILABLE);
      } else if (current) {
        fields.add(Long.toString(stats.currentResponseTimePercentile(entry, fraction).orElse(0)));
      } else {
        fields.add(Long.toString(PythonFormat.truncate(entry.responseTimePercentile(fraction))));
      }
    }
    return fields;
  }

  private static List<String> requestsHeader() {
    List<String> header =
        new ArrayList<>(
            List.of(
                "Type",
                "Name",
                "Request Count",
                "Failure Count",
                "Median Response Time",
                "Average Response Time",
                "Min Response Time",
                "Max Response Time",
                "Average Content Size",
                "Requests/s",
                "Failures/s"));
    Percentiles.TO_REPORT.forEach(p -> header.add(Percentiles.readable(p)));
    return List.copyOf(header);
  }

  private static List<String> historyHeader() {
    List<String> header =
        new ArrayList<>(
            List.of("Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"));
    Percentiles.TO_REPORT.forEach(p -> header.add(Percentiles.readable(p)));
    header.addAll(
        List.of(
            "Total Request Count",
            "Total Failure Count",
            "Total Median Response Time",
            "Total Average Response Time",
            "Total Min Response Time",
            "Total Max Response Time",
            "Total Average Content Size"));
    return List.copyOf(header);
  }
}
