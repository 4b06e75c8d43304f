package io.hatchery.cli.headless;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.web.LocustStatsCsv;
import io.hatchery.stats.report.ReportedException;
import io.hatchery.stats.report.StatsCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The four {@code --csv PREFIX} files, kept as Locust 2.12.1's {@code StatsCSVFileWriter} keeps
 * them, with its two known lags fixed: every second the stats, failures and exceptions files are
 * rewritten and history rows appended <em>and flushed</em> (Locust flushes every 10 s), and {@link
 * #close} rewrites everything from the final snapshot, so the files agree with the final console
 * table (Locust issues #1806, #2299). Missing parent directories are created (Locust 2.19.1+).
 *
 * <p>Thread-safety: not thread-safe; one thread (the headless loop) calls it.
 */
public final class CsvFiles implements AutoCloseable {
  private final Path stats;
  private final Path failures;
  private final Path exceptions;
  private final BufferedWriter history;
  private final boolean fullHistory;

  /**
   * Creates the files with their headers.
   *
   * @param prefix {@code --csv}, resolved against the working directory
   * @param fullHistory {@code --csv-full-history}
   */
  public CsvFiles(Path prefix, boolean fullHistory) throws IOException {
    Path parent = prefix.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String base = prefix.toString();
    this.stats = Path.of(base + "_stats.csv");
    this.failures = Path.of(base + "_failures.csv");
    this.exceptions = Path.of(base + "_exceptions.csv");
    this.fullHistory = fullHistory;
    this.history =
        Files.newBufferedWriter(Path.of(base + "_stats_history.csv"), StandardCharsets.UTF_8);
    history.write(StatsCsv.historyHeaderLine());
    history.flush();
    write(stats, String.join(",", StatsCsv.REQUESTS_HEADER) + "\r\n");
    write(failures, String.join(",", StatsCsv.FAILURES_HEADER) + "\r\n");
    write(exceptions, String.join(",", StatsCsv.EXCEPTIONS_HEADER) + "\r\n");
  }

  /** The once-a-second update: rewrite three files, append history rows, flush. */
  public void everySecond(MasterSnapshot snapshot, double nowEpochSeconds) {
    rewrite(snapshot);
    try {
      history.write(
          StatsCsv.historyRows(
              snapshot.stats(), nowEpochSeconds, snapshot.userCount(), fullHistory));
      history.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites the stats, failures and exceptions files from {@code snapshot}. */
  public void rewrite(MasterSnapshot snapshot) {
    write(stats, StatsCsv.requests(snapshot.stats()));
    write(failures, StatsCsv.failures(snapshot.stats()));
    write(exceptions, StatsCsv.exceptions(reported(snapshot.exceptions())));
  }

  /** The final write from the last snapshot, then closes the history file. */
  public void close(MasterSnapshot last) throws IOException {
    rewrite(last);
    close();
  }

  @Override
  public void close() throws IOException {
    history.close();
  }

  static List<ReportedException> reported(List<ExceptionView> views) {
    return LocustStatsCsv.reported(views);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
