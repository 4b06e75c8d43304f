package io.hatchery.master.web;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.stats.report.ReportedException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The web UI's {@link StatsCsv}: the same Locust 2.12.1 tables as the {@code --csv} files, written
 * by {@link io.hatchery.stats.report.StatsCsv} (run-average rates, {@code N/A} percentiles for an
 * entry without requests, error texts {@code repr}'d once more as Locust's {@code parse_error}
 * does). Stateless.
 */
public final class LocustStatsCsv implements StatsCsv {

  @Override
  public void requests(MasterSnapshot snapshot, Writer out) throws IOException {
    out.write(io.hatchery.stats.report.StatsCsv.requests(snapshot.stats()));
  }

  @Override
  public void failures(MasterSnapshot snapshot, Writer out) throws IOException {
    out.write(io.hatchery.stats.report.StatsCsv.failures(snapshot.stats()));
  }

  @Override
  public void exceptions(MasterSnapshot snapshot, Writer out) throws IOException {
    out.write(io.hatchery.stats.report.StatsCsv.exceptions(reported(snapshot.exceptions())));
  }

  /** The master's aggregated exceptions as the report views take them, nodes sorted. */
  public static List<ReportedException> reported(List<ExceptionView> views) {
    return views.stream()
        .map(
            v ->
                new ReportedException(
                    v.count(), v.message(), v.traceback(), v.nodes().stream().sorted().toList()))
        .toList();
  }
}
