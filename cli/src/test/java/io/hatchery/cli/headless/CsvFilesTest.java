package io.hatchery.cli.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.stats.report.StatsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class CsvFilesTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T03:00:00Z"));
  private final FakeMasterControl master = new FakeMasterControl(clock);

  @Test
  void headersAreWrittenAtOnceInMissingDirectories() throws Exception {
    Path prefix = dir.resolve("out/run");
    try (CsvFiles files = new CsvFiles(prefix, false)) {
      assertThat(Files.readString(dir.resolve("out/run_stats.csv")))
          .isEqualTo(String.join(",", StatsCsv.REQUESTS_HEADER) + "\r\n");
      assertThat(Files.readString(dir.resolve("out/run_stats_history.csv")))
          .isEqualTo(StatsCsv.historyHeaderLine());
      assertThat(Files.readString(dir.resolve("out/run_failures.csv")))
          .isEqualTo("Method,Name,Error,Occurrences\r\n");
      assertThat(Files.readString(dir.resolve("out/run_exceptions.csv")))
          .isEqualTo("Count,Message,Traceback,Nodes\r\n");
    }
  }

  @Test
  void historyIsFlushedEverySecondAndStatsAgreeWithTheFinalSnapshot() throws Exception {
    Path prefix = dir.resolve("run");
    CsvFiles files = new CsvFiles(prefix, true);
    master.recorder.record("/", "GET", 5, 10);
    master.report();
    clock.advance(Duration.ofSeconds(1));
    files.everySecond(master.snapshot(), clock.millis() / 1000.0);
    assertThat(Files.readAllLines(dir.resolve("run_stats_history.csv"))).hasSize(3);
    master.recorder.recordFailure("/", "GET", 7, 10, "'late'");
    master.report();
    master.exceptions.add(new ExceptionView(2, "Boom", "Traceback", Set.of("w2", "w1")));
    files.close(master.snapshot());
    assertThat(Files.readString(dir.resolve("run_stats.csv")))
        .isEqualTo(StatsCsv.requests(master.stats))
        .contains("GET,/,2,1,");
    assertThat(Files.readString(dir.resolve("run_failures.csv"))).contains("\"'late'\"");
    assertThat(Files.readString(dir.resolve("run_exceptions.csv")))
        .endsWith("2,Boom,Traceback,\"w1, w2\"\r\n");
  }
}
