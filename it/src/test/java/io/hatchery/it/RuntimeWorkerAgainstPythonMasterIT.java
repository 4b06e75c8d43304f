package io.hatchery.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Environment;
import io.hatchery.testkit.LocustProcess;
import io.hatchery.testkit.TestTarget;
import io.hatchery.worker.engine.ScenarioEngine;
import io.hatchery.worker.engine.UserClasses;
import io.hatchery.worker.runtime.WorkerRuntime;
import io.hatchery.worker.runtime.WorkerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our worker ({@link WorkerRuntime} driving the real {@link ScenarioEngine}, users making requests
 * through Hatchery's HttpSession) joins a real headless Python Locust 2.12.1 master, runs against a
 * {@link TestTarget}, and is ended by the master's {@code quit} at {@code --run-time}. The master's
 * CSV totals must equal what the target served, request for request.
 */
@Timeout(120)
class RuntimeWorkerAgainstPythonMasterIT {
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final String LOCUSTFILE =
      """
      from locust import HttpUser, task

      class InteropHttpUser(HttpUser):
          @task
          def never_runs_on_the_master(self):
              pass
      """;

  @ParameterizedTest(name = "{0} Hatchery worker(s), --expect-workers {0}")
  @ValueSource(ints = {1, 2})
  void pythonMasterCountsExactlyWhatTheTargetServed(int workers, @TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("locustfile.py"), LOCUSTFILE);
    int port = freeLoopbackPort();
    try (TestTarget target = TestTarget.start();
        LocustProcess master =
            LocustProcess.start(
                dir,
                "-f",
                "locustfile.py",
                "--master",
                "--headless",
                "--master-bind-host",
                "127.0.0.1",
                "--master-bind-port",
                Integer.toString(port),
                "--expect-workers",
                Integer.toString(workers),
                "-u",
                "4",
                "-r",
                "2",
                "-t",
                "6s",
                "--host",
                target.baseUrl(),
                // Users finish the request in flight, so the target and the stats agree exactly.
                "--stop-timeout",
                "5",
                "--csv",
                "run")) {
      List<CompletableFuture<Integer>> exits = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        ScenarioEngine engine =
            ScenarioEngine.create(
                Environment.builder().build(), UserClasses.of(List.of(InteropHttpUser.class)));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    exit.complete(
                        WorkerRuntime.run(WorkerSettings.defaults("127.0.0.1", port), engine));
                  } catch (Exception | Error e) {
                    exit.completeExceptionally(e);
                  }
                });
        exits.add(exit);
      }

      for (CompletableFuture<Integer> exit : exits) {
        assertThat(exit.get(STEP.toSeconds(), TimeUnit.SECONDS))
            .as(master.log())
            .isEqualTo(WorkerRuntime.EXIT_OK);
      }
      // Locust exits 1 when any request failed; every tenth request is a 503 here.
      assertThat(master.awaitExit(STEP)).as(master.log()).isEqualTo(1);

      Map<String, long[]> csv = requestAndFailureCounts(dir.resolve("run_stats.csv"));
      long hello = target.requestCount("/hello");
      long failed = target.requestCount("/status/503");
      assertThat(hello).as("the run made requests").isGreaterThan(50);
      assertThat(failed).isGreaterThan(0);
      assertThat(csv.get("/hello")).as(master.log()).containsExactly(hello, 0);
      assertThat(csv.get("/status/503")).containsExactly(failed, failed);
      assertThat(csv.get("Aggregated")).containsExactly(hello + failed, failed);
      assertThat(target.requestCount()).isEqualTo(hello + failed);
    }
  }

  /** Name to {request count, failure count} from Locust's {@code _stats.csv}. */
  private static Map<String, long[]> requestAndFailureCounts(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.getFirst().split(","));
    int name = column(header, "Name");
    int requests = column(header, "Request Count");
    int failures = column(header, "Failure Count");
    Map<String, long[]> counts = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      counts.put(
          unquote(cells[name]),
          new long[] {
            Long.parseLong(unquote(cells[requests])), Long.parseLong(unquote(cells[failures]))
          });
    }
    return counts;
  }

  private static int column(List<String> header, String title) {
    for (int i = 0; i < header.size(); i++) {
      if (unquote(header.get(i)).equals(title)) {
        return i;
      }
    }
    throw new AssertionError("no column " + title + " in " + header);
  }

  private static String unquote(String cell) {
    return cell.startsWith("\"") && cell.endsWith("\"")
        ? cell.substring(1, cell.length() - 1)
        : cell;
  }

  /** Python Locust reports no port when it binds port 0, so the master gets one chosen for it. */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
