package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.testkit.TestTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standalone ({@code -f io.hatchery.cli.ShopUser --headless}: master and worker in one JVM over
 * inproc) against the test target, and the listing modes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StandaloneModeIT {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Invocation invocation =
        new Invocation(
            Map.of(),
            dir,
            dir,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Main(invocation, new Modes(invocation)).run(args);
  }

  @Test
  void standaloneRunsTheScenarioAndExitsOneOnFailures() throws Exception {

    try (TestTarget target = TestTarget.start()) {
      int exitCode =
          run(
              "-f",
              "io.hatchery.cli.ShopUser",
              "--headless",
              "-u",
              "2",
              "-r",
              "2",
              "-t",
              "4s",
              "-H",
              target.baseUrl(),
              "--csv",
              "run",
              "--skip-log-setup");
      assertThat(exitCode).as(err.toString()).isEqualTo(1);
      List<String> csv = Files.readAllLines(dir.resolve("run_stats.csv"));
      long csvTotal = Long.parseLong(csv.get(csv.size() - 1).split(",")[2]);
      assertThat(csvTotal).isPositive();
      assertThat(target.requestCount()).isBetween(csvTotal, csvTotal + 2);
      assertThat(Files.readString(dir.resolve("run_failures.csv"))).contains("GET,/status/500,");
    }
  }

  @Test
  void webUiRunAutostartsQuitsAtTheRunTimeAndWritesTheHtmlReport() throws Exception {
    try (TestTarget target = TestTarget.start()) {
      int exitCode =
          run(
              "-f",
              "io.hatchery.cli.ShopUser",
              "--web-host",
              "127.0.0.1",
              "--web-port",
              "0",
              "--autostart",
              "--autoquit",
              "0",
              "-u",
              "2",
              "-r",
              "2",
              "-t",
              "3s",
              "-H",
              target.baseUrl(),
              "--html",
              "report.html",
              "--skip-log-setup");
      assertThat(dir.resolve("report.html")).as(err.toString()).exists();
      assertThat(exitCode).as(err.toString()).isEqualTo(1);
      assertThat(Files.readString(dir.resolve("report.html")))
          .contains("Hatchery Test Report")
          .contains("/status/500");
    }
  }

  @Test
  void listShowsTheUserClasses() throws Exception {

    assertThat(run("-f", "io.hatchery.cli.ShopUser", "-l")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("Available Users:\n    ShopUser\n".replace("\n", System.lineSeparator()));
  }

  @Test
  void taskRatioJsonHasLocustsShape() throws Exception {

    assertThat(run("-f", "io.hatchery.cli.ShopUser", "--show-task-ratio-json")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("{\n    \"per_class\": {\n        \"ShopUser\": {\n            \"ratio\": 1.0,")
        .contains("\"total\": {");
  }

  @Test
  void anUnknownUserClassExitsOne() {
    assertThat(run("-f", "io.hatchery.cli.NoSuchUser", "--headless")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("io.hatchery.cli.NoSuchUser");
  }

  @Test
  void aJavaSourceScenarioIsCompiledAndListed() throws Exception {
    Files.writeString(
        dir.resolve("CartUser.java"),
        """
        import io.hatchery.*;

        public class CartUser extends User {
          @Task public void browse() {}
        }
        """);
    assertThat(run("-f", "CartUser.java", "-l")).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("    CartUser");
  }

  @Test
  void aScenarioThatDoesNotCompileExitsOne() throws Exception {
    Files.writeString(dir.resolve("Broken.java"), "public class Broken extends {");
    assertThat(run("-f", "Broken.java", "--headless")).isEqualTo(1);
  }
}
