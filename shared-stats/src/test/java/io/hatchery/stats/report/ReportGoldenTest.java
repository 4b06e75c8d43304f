package io.hatchery.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.stats.Fixtures;
import io.hatchery.stats.ManualClock;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.WireNotation;
import io.hatchery.stats.wire.StatsReportMaps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compares every view with what Locust 2.12.1's locust/stats.py printed for the same worker report
 * merged on a master (src/test/python/record_report_golden.py; see the README beside the files).
 */
@Timeout(30)
class ReportGoldenTest {
  private RequestStats stats;
  private double queryAt;

  @BeforeEach
  void mergeTheRecordedWorkerReport() throws Exception {
    Map<Object, Object> fixture = Fixtures.map(WireNotation.parse(golden("reports.txt").strip()));
    ManualClock clock = ManualClock.atEpochSeconds(Fixtures.dbl(fixture.get("created_at")));
    stats = new RequestStats(clock);
    double reportAt = Fixtures.dbl(fixture.get("report_at"));
    clock.setEpochSeconds(reportAt);
    stats.merge(StatsReportMaps.fromMap(Fixtures.map(fixture.get("data")), reportAt));
    queryAt = Fixtures.dbl(fixture.get("query_at"));
    clock.setEpochSeconds(queryAt);
    stats.entry("/never", "GET");
  }

  @Test
  void periodicTableMatchesLocust() throws Exception {
    assertThat(lines(ConsoleTables.requests(stats, true, 80)))
        .isEqualTo(golden("console-current.txt"));
  }

  @Test
  void finalTableMatchesLocust() throws Exception {
    assertThat(lines(ConsoleTables.requests(stats, false, 80)))
        .isEqualTo(golden("console-final.txt"));
  }

  @Test
  void percentileTableMatchesLocust() throws Exception {
    assertThat(lines(ConsoleTables.percentiles(stats, 80))).isEqualTo(golden("percentiles.txt"));
  }

  @Test
  void errorReportMatchesLocust() throws Exception {
    assertThat(lines(ConsoleTables.errors(stats, 80))).isEqualTo(golden("errors.txt"));
  }

  @Test
  void statsCsvIsByteIdentical() throws Exception {
    assertThat(StatsCsv.requests(stats)).isEqualTo(golden("stats.csv"));
  }

  @Test
  void failuresCsvIsByteIdentical() throws Exception {
    assertThat(StatsCsv.failures(stats)).isEqualTo(golden("failures.csv"));
  }

  @Test
  void exceptionsCsvIsByteIdentical() throws Exception {
    ReportedException e =
        new ReportedException(
            3,
            "ZeroDivisionError('division by zero')",
            "Traceback (most recent call last):\n  File \"x.py\", line 3, in t\n    1/0\n",
            List.of("w1"));
    assertThat(StatsCsv.exceptions(List.of(e))).isEqualTo(golden("exceptions.csv"));
  }

  @Test
  void historyRowsAreByteIdenticalWithAndWithoutFullHistory() throws Exception {
    assertThat(StatsCsv.historyHeaderLine() + StatsCsv.historyRows(stats, queryAt, 5, false))
        .isEqualTo(golden("stats_history.csv"));
    assertThat(StatsCsv.historyHeaderLine() + StatsCsv.historyRows(stats, queryAt, 5, true))
        .isEqualTo(golden("stats_history-full.csv"));
  }

  @Test
  void jsonHasLocustsShapeAndValues() throws Exception {
    String expected = golden("stats.json");
    String actual = StatsJson.render(stats) + "\n";
    // Same lines; only the order of keys inside the count maps may differ (see StatsJson).
    assertThat(withoutCommas(actual)).isEqualTo(withoutCommas(expected));
    assertThat(actual.lines().filter(l -> l.startsWith("        \"")).toList())
        .isEqualTo(expected.lines().filter(l -> l.startsWith("        \"")).toList());
  }

  @Test
  void headersAreLocusts() {
    assertThat(String.join(",", StatsCsv.REQUESTS_HEADER))
        .isEqualTo(
            "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min"
                + " Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%");
    assertThat(String.join(",", StatsCsv.HISTORY_HEADER))
        .isEqualTo(
            "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total"
                + " Request Count,Total Failure Count,Total Median Response Time,Total Average"
                + " Response Time,Total Min Response Time,Total Max Response Time,Total Average"
                + " Content Size");
  }

  private static List<String> withoutCommas(String json) {
    return json.lines()
        .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l)
        .sorted()
        .toList();
  }

  private static String lines(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  static String golden(String name) throws IOException {
    try (InputStream in = ReportGoldenTest.class.getResourceAsStream("/report-2.12.1/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
