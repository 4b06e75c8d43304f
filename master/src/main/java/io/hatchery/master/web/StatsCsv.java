package io.hatchery.master.web;

import io.hatchery.master.control.MasterSnapshot;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the CSV downloads of the web UI from a snapshot: the bodies of {@code
 * /stats/requests/csv}, {@code /stats/failures/csv} and {@code /exceptions/csv}, each with its
 * header row. Mirrors Locust 2.12.1's {@code StatsCSV}. Implementations are stateless and safe for
 * concurrent use; they never close the writer.
 *
 * <p>The seam exists so that the shared CSV writers of {@code io.hatchery.stats.report} (the CLI's
 * {@code --csv} files) can replace {@link LocustStatsCsv} without touching the routes.
 */
public interface StatsCsv {

  /** The {@code _stats.csv} table: one row per entry sorted by name and method, then Aggregated. */
  void requests(MasterSnapshot snapshot, Writer out) throws IOException;

  /** The {@code _failures.csv} table: Method, Name, Error, Occurrences. */
  void failures(MasterSnapshot snapshot, Writer out) throws IOException;

  /** The {@code _exceptions.csv} table: Count, Message, Traceback, Nodes. */
  void exceptions(MasterSnapshot snapshot, Writer out) throws IOException;
}
