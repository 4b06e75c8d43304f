package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.testkit.TestTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command lines as Locust's manuals print them, the 0.10-era and the 2.x forms, run unchanged apart
 * from the scenario file ({@code -f io.hatchery.cli.DocsUser} for {@code -f locustfile.py}), a
 * short run time and the local target's host, in standalone mode against a real HTTP target.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DocumentedCommandLinesIT {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static Stream<Arguments> commandLines() {
    return Stream.of(
        // Locust 0.10, "Running Locust without the web UI"
        Arguments.of("0.10 --no-web -c -r", "--no-web -c 4 -r 4 --run-time 3s", "--headless"),
        // Locust 0.10, "Retrieve test statistics in CSV format"
        Arguments.of(
            "0.10 --csv=example", "--no-web -c 4 -r 4 --run-time 3s --csv=example", "--headless"),
        // Locust 0.x, --hatch-rate spelled out
        Arguments.of("0.x --hatch-rate", "--no-web -c 4 --hatch-rate 4 -t 3s", "--spawn-rate"),
        // Locust 2.x, "Running without the web UI"
        Arguments.of("2.x --headless -u -r --run-time", "--headless -u 4 -r 4 --run-time 3s", ""),
        // Locust 2.x, "Retrieve test statistics in CSV format"
        Arguments.of(
            "2.x --csv --csv-full-history",
            "--headless -u 4 -r 4 -t 3s --csv=example --csv-full-history",
            ""),
        // Locust 2.x, HTML report and only the summary
        Arguments.of(
            "2.x --html --only-summary",
            "--headless -u 4 -r 4 -t 3s --html report.html --only-summary",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandLines")
  void documentedCommandLineRunsAgainstTheTarget(String name, String line, String note)
      throws Exception {
    try (TestTarget target = TestTarget.start()) {
      List<String> args = new ArrayList<>(List.of("-f", "io.hatchery.cli.DocsUser"));
      args.addAll(List.of(line.split(" ")));
      args.addAll(List.of("-H", target.baseUrl(), "--skip-log-setup"));

      int exitCode = run(args);

      assertThat(exitCode).as(err.toString()).isZero();
      assertThat(target.requestCount("/")).as(err.toString()).isPositive();
      if (!note.isEmpty()) {
        assertThat(err.toString()).contains("[DEPRECATED]").contains(note);
      }
      if (line.contains("--csv=example")) {
        List<String> csv = Files.readAllLines(dir.resolve("example_stats.csv"));
        String[] aggregated = csv.getLast().split(",");
        assertThat(aggregated[1]).isEqualTo("Aggregated");
        assertThat(Long.parseLong(aggregated[2])).isPositive();
        assertThat(dir.resolve("example_stats_history.csv")).isNotEmptyFile();
        assertThat(dir.resolve("example_failures.csv")).isNotEmptyFile();
        assertThat(dir.resolve("example_exceptions.csv")).isNotEmptyFile();
      }
      if (line.contains("--html")) {
        assertThat(Files.readString(dir.resolve("report.html")))
            .contains("<html")
            .contains("id=\"history\">")
            .as("a headless run's report has chart history")
            .doesNotContain("id=\"history\">[]");
      }
    }
  }

  private int run(List<String> args) {
    Invocation invocation =
        new Invocation(
            Map.of(),
            dir,
            dir,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Main(invocation, new Modes(invocation)).run(args.toArray(String[]::new));
  }
}
