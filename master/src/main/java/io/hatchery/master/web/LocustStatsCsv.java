package io.hatchery.master.web;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.Percentiles;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsError;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The web UI's own {@link StatsCsv}, with the columns and values of Locust 2.12.1's {@code
 * StatsCSV} (locust/stats.py): run-average rates, {@code N/A} percentiles for an entry without
 * requests, the error text {@code repr}'d once more as Locust's {@code parse_error} does.
 * Stateless.
 */
public final class LocustStatsCsv implements StatsCsv {

  static final List<String> REQUESTS_HEADER = requestsHeader();
  static final List<String> FAILURES_HEADER = List.of("Method", "Name", "Error", "Occurrences");
  static final List<String> EXCEPTIONS_HEADER = List.of("Count", "Message", "Traceback", "Nodes");

  @Override
  public void requests(MasterSnapshot snapshot, Writer out) throws IOException {
    CsvLine.write(out, REQUESTS_HEADER);
    StatsEntry total = snapshot.stats().total();
    for (StatsEntry entry : StatsJson.sorted(snapshot.stats())) {
      CsvLine.write(out, row(entry, total));
    }
    CsvLine.write(out, row(total, total));
  }

  @Override
  public void failures(MasterSnapshot snapshot, Writer out) throws IOException {
    CsvLine.write(out, FAILURES_HEADER);
    for (StatsError error : snapshot.stats().errors().values()) {
      CsvLine.write(
          out,
          List.of(
              error.method() == null ? "None" : error.method(),
              error.name(),
              ErrorTexts.ofMessage(error.error()),
              error.occurrences()));
    }
  }

  @Override
  public void exceptions(MasterSnapshot snapshot, Writer out) throws IOException {
    CsvLine.write(out, EXCEPTIONS_HEADER);
    for (ExceptionView exception : snapshot.exceptions()) {
      CsvLine.write(
          out,
          List.of(
              exception.count(),
              exception.message(),
              exception.traceback(),
              String.join(", ", exception.nodes())));
    }
  }

  private static List<Object> row(StatsEntry entry, StatsEntry total) {
    List<Object> row = new ArrayList<>();
    row.add(entry.method() == null ? "" : entry.method());
    row.add(entry.name());
    row.add(entry.numRequests());
    row.add(entry.numFailures());
    row.add(Numbers.millis(entry.medianResponseTime()));
    row.add(entry.avgResponseTime());
    row.add(
        entry.minResponseTimeMillis().isPresent()
            ? entry.minResponseTimeMillis().getAsDouble()
            : 0L);
    row.add(entry.maxResponseTimeMillis());
    row.add(entry.avgContentLength());
    row.add(entry.totalRps(total));
    row.add(entry.totalFailPerSec(total));
    for (double fraction : Percentiles.TO_REPORT) {
      row.add(
          entry.numRequests() == 0
              ? "N/A"
              : Numbers.millis(entry.responseTimePercentile(fraction)));
    }
    return row;
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
    Percentiles.TO_REPORT.forEach(fraction -> header.add(Percentiles.readable(fraction)));
    return List.copyOf(header);
  }
}
