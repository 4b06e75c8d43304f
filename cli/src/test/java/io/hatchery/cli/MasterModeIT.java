package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.testkit.LocustProcess;
import io.hatchery.testkit.PythonLocustfile;
import io.hatchery.testkit.TestTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hatchery --master --headless} with a real Python Locust 2.12.1 worker against the test
 * target: the run ends at {@code -t}, the worker quits, the CSV file agrees with what the target
 * served, and failures give exit code 1.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MasterModeIT {

  @Test
  void headlessMasterRunsAPythonWorkerAndWritesAgreeingCsv(@TempDir Path dir) throws Exception {
    PythonLocustfile.writeTo(dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Invocation invocation =
        new Invocation(
            Map.of(),
            dir,
            dir,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    try (TestTarget target = TestTarget.start()) {
      CompletableFuture<Integer> exitCode =
          CompletableFuture.supplyAsync(
              () ->
                  new Main(invocation, new Modes(invocation, port::complete))
                      .run(
                          "--master",
                          "--headless",
                          "--master-bind-host",
                          "127.0.0.1",
                          "--master-bind-port",
                          "0",
                          "-u",
                          "2",
                          "-r",
                          "2",
                          "-t",
                          "6s",
                          "-H",
                          target.baseUrl(),
                          "--csv",
                          "out/run",
                          "--skip-log-setup",
                          "--json",
                          PythonLocustfile.USER_CLASS));
      int masterPort = port.get(30, TimeUnit.SECONDS);
      try (LocustProcess worker =
          LocustProcess.start(
              dir,
              "-f",
              "locustfile.py",
              "--worker",
              "--master-host",
              "127.0.0.1",
              "--master-port",
              Integer.toString(masterPort))) {
        assertThat(exitCode.get(60, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(1);
        assertThat(worker.awaitExit(Duration.ofSeconds(30))).as(worker.log()).isZero();
      }
      List<String> csv = Files.readAllLines(dir.resolve("out/run_stats.csv"));
      assertThat(csv.get(0)).startsWith("Type,Name,Request Count,Failure Count,");
      long csvTotal = Long.parseLong(csv.get(csv.size() - 1).split(",")[2]);
      // The final --json (the same snapshot as the final table) agrees with the CSV file.
      long jsonTotal =
          out.toString(StandardCharsets.UTF_8)
              .lines()
              .filter(l -> l.startsWith("        \"num_requests\": "))
              .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
              .sum();
      assertThat(csvTotal).isPositive().isEqualTo(jsonTotal);
      // Quit ends users mid-request (as in Locust): at most one request per user goes unreported.
      assertThat(target.requestCount()).isBetween(csvTotal, csvTotal + 2);
      assertThat(Files.readString(dir.resolve("out/run_failures.csv"))).contains("GET,/fail,");
    }
  }
}
