package io.hatchery.stats.report;

import static io.hatchery.stats.report.PythonFormat.fixed;
import static io.hatchery.stats.report.PythonFormat.left;
import static io.hatchery.stats.report.PythonFormat.right;
import static io.hatchery.stats.report.PythonFormat.truncate;

import io.hatchery.stats.Percentiles;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsError;
import java.util.ArrayList;
import java.util.List;

/**
 * The console tables of Locust 2.12.1 ({@code get_stats_summary}, {@code
 * get_percentile_stats_summary}, {@code get_error_report_summary} in locust/stats.py), line for
 * line: the periodic and final request table, "Response time percentiles (approximated)" and the
 * "Error report". Each method returns the lines without line terminators; Locust logs an empty line
 * after the request and percentile tables, which callers add.
 *
 * <pre>{@code
 * ConsoleTables.requests(stats, true, ConsoleTables.DEFAULT_NAME_WIDTH).forEach(log::info);
 * }</pre>
 *
 * <p>{@code nameWidth} is Locust's {@code STATS_NAME_WIDTH}: min(terminal columns - 80, 80), 80
 * when not on a terminal. Thread-safety: stateless; the stats must not change during a call (pass a
 * snapshot copy).
 */
public final class ConsoleTables {
  /** Locust's {@code STATS_NAME_WIDTH} when stdout is not a terminal. */
  public static final int DEFAULT_NAME_WIDTH = 80;

  /** Locust's {@code STATS_TYPE_WIDTH}. */
  public static final int TYPE_WIDTH = 8;

  private ConsoleTables() {}

  /**
   * The request table. With {@code current} the rates are the last ~10 s (periodic table), else the
   * run averages (final table).
   */
  public static List<String> requests(RequestStats stats, boolean current, int nameWidth) {
    int nameColumn = nameWidth - TYPE_WIDTH + 4;
    List<String> lines = new ArrayList<>();
    lines.add(
        left("Type", TYPE_WIDTH)
            + " "
            + left("Name", nameColumn)
            + " "
            + right("# reqs", 7)
            + " "
            + right("# fails", 12)
            + " |"
            + right("Avg", 7)
            + " "
            + right("Min", 7)
            + " "
            + right("Max", 7)
            + right("Med", 7)
            + " | "
            + right("req/s", 7)
            + " "
            + right("failures/s", 11));
    String separator =
        "-".repeat(TYPE_WIDTH)
            + "|"
            + "-".repeat(nameColumn)
            + "|-------|-------------|-------|-------|-------|-------|--------|-----------";
    lines.add(separator);
    for (StatsEntry entry : ReportValues.sortedEntries(stats)) {
      lines.add(requestRow(stats, entry, current, nameColumn));
    }
    lines.add(separator);
    lines.add(requestRow(stats, stats.total(), current, nameColumn));
    return lines;
  }

  private static String requestRow(
      RequestStats stats, StatsEntry entry, boolean current, int nameColumn) {
    StatsEntry total = stats.total();
    double rps = current ? entry.currentRps(total) : entry.totalRps(total);
    double failPerSec = current ? entry.currentFailPerSec(total) : entry.totalFailPerSec(total);
    String method = entry.method() == null || entry.method().isEmpty() ? "" : entry.method() + " ";
    String fails = entry.numFailures() + "(" + fixed(entry.failRatio() * 100, 2) + "%)";
    return left(method, TYPE_WIDTH)
        + " "
        + left(entry.name(), nameColumn)
        + " "
        + right(Long.toString(entry.numRequests()), 7)
        + " "
        + right(fails, 12)
        + " |"
        + right(Long.toString(truncate(entry.avgResponseTime())), 7)
        + " "
        + right(Long.toString(truncate(entry.minResponseTimeMillis().orElse(0))), 7)
        + " "
        + right(Long.toString(truncate(entry.maxResponseTimeMillis())), 7)
        + right(Long.toString(truncate(entry.medianResponseTime())), 7)
        + " | "
        + right(fixed(rps, 2), 7)
        + " "
        + right(fixed(failPerSec, 2), 11);
  }

  /** "Response time percentiles (approximated)": entries with response times, then the total. */
  public static List<String> percentiles(RequestStats stats, int nameWidth) {
    List<String> lines = new ArrayList<>();
    lines.add("Response time percentiles (approximated)");
    List<String> titles = Percentiles.TO_REPORT.stream().map(Percentiles::readable).toList();
    StringBuilder header =
        new StringBuilder(left("Type", TYPE_WIDTH))
            .append(' ')
            .append(left("Name", nameWidth))
            .append(' ')
            .append(right(titles.get(0), 8))
            .append(' ');
    List<String> rest = new ArrayList<>(titles.subList(1, titles.size()));
    rest.add("# reqs");
    header.append(String.join(" ", rest.stream().map(t -> right(t, 6)).toList()));
    lines.add(header.toString());
    String separator =
        "-".repeat(TYPE_WIDTH)
            + "|"
            + "-".repeat(nameWidth)
            + "|"
            + "-".repeat(8)
            + "|"
            + "------|".repeat(Percentiles.TO_REPORT.size()).substring(0, 7 * titles.size() - 1);
    lines.add(separator);
    for (StatsEntry entry : ReportValues.sortedEntries(stats)) {
      if (!entry.responseTimes().isEmpty()) {
        lines.add(percentileRow(entry, nameWidth));
      }
    }
    lines.add(separator);
    if (!stats.total().responseTimes().isEmpty()) {
      lines.add(percentileRow(stats.total(), nameWidth));
    }
    return lines;
  }

  private static String percentileRow(StatsEntry entry, int nameWidth) {
    List<Long> values = new ArrayList<>();
    for (double fraction : Percentiles.TO_REPORT) {
      values.add(truncate(entry.responseTimePercentile(fraction)));
    }
    values.add(entry.numRequests());
    StringBuilder row =
        new StringBuilder(left(entry.method() == null ? "" : entry.method(), TYPE_WIDTH))
            .append(' ')
            .append(left(entry.name(), nameWidth))
            .append(' ')
            .append(right(Long.toString(values.get(0)), 8))
            .append(' ');
    row.append(
        String.join(
            " ",
            values.subList(1, values.size()).stream()
                .map(v -> right(Long.toString(v), 6))
                .toList()));
    return row.toString();
  }

  /**
   * The "Error report", in first-seen order; empty when there were no errors (Locust prints none).
   */
  public static List<String> errors(RequestStats stats, int nameWidth) {
    if (stats.errors().isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("Error report");
    lines.add(left("# occurrences", 18) + " " + left("Error", 100));
    String separator = "-".repeat(18) + "|" + "-".repeat(80 + nameWidth - 19);
    lines.add(separator);
    for (StatsError error : stats.errors().values()) {
      lines.add(
          left(Long.toString(error.occurrences()), 18)
              + " "
              + left(ReportValues.errorName(error), 100));
    }
    lines.add(separator);
    lines.add("");
    return lines;
  }
}
