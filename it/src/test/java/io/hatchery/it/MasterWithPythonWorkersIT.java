package io.hatchery.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Environment;
import io.hatchery.HttpUser;
import io.hatchery.Task;
import io.hatchery.WaitTime;
import io.hatchery.http.Request;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.control.WorkerView;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.headless.HeadlessOptions;
import io.hatchery.master.headless.HeadlessRun;
import io.hatchery.master.runner.Master;
import io.hatchery.stats.StatsEntry;
import io.hatchery.testkit.LocustProcess;
import io.hatchery.testkit.PythonLocustfile;
import io.hatchery.testkit.TestTarget;
import io.hatchery.worker.engine.ScenarioEngine;
import io.hatchery.worker.engine.UserClasses;
import io.hatchery.worker.runtime.WorkerRuntime;
import io.hatchery.worker.runtime.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two unmodified Debian Locust 2.12.1 workers (empty version string) and one Hatchery worker join
 * our master, which runs a headless test against a {@link TestTarget}: expect the workers, ramp,
 * run time, quit. With a stop timeout the workers finish the requests in flight before their final
 * report, so the master's per-endpoint counts equal what the target served.
 */
@Timeout(180)
class MasterWithPythonWorkersIT {
  private static final Duration STEP = Duration.ofSeconds(60);

  /** The Java twin of the locustfile's {@code MyUser}: same name, tasks, weights and names. */
  public static class MyUser extends HttpUser {
    @Override
    public WaitTime waitTime() {
      return WaitTime.constant(0.05);
    }

    @Task(weight = 3)
    public void hello() {
      client.get("/hello");
    }

    @Task
    public void fail() {
      client.get("/status/500", Request.named("/fail"));
    }
  }

  @Test
  void twoPythonWorkersAndAHatcheryWorkerRunAHeadlessTestAndEveryRequestIsCounted(@TempDir Path dir)
      throws Exception {
    PythonLocustfile.writeTo(dir);
    try (TestTarget target = TestTarget.start();
        Master master =
            Master.builder()
                .userClasses(List.of(UserClassSpec.weighted(PythonLocustfile.USER_CLASS, 1)))
                .parsedOptions(Map.of("web_auth", "alice:s3cret", "headless", true))
                .stopTimeout(Duration.ofSeconds(10))
                .bind("127.0.0.1", 0)
                .start();
        LocustProcess first = worker(dir, master.port());
        LocustProcess second = worker(dir, master.port())) {
      Environment environment = Environment.builder().build();
      java.util.concurrent.atomic.LongAdder javaRequests =
          new java.util.concurrent.atomic.LongAdder();
      environment.events().request().add(event -> javaRequests.increment());
      ScenarioEngine engine =
          ScenarioEngine.create(environment, UserClasses.of(List.of(MyUser.class)));
      CompletableFuture<Integer> hatcheryWorker = new CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  hatcheryWorker.complete(
                      WorkerRuntime.run(
                          WorkerSettings.defaults("127.0.0.1", master.port()), engine));
                } catch (Exception | Error e) {
                  hatcheryWorker.completeExceptionally(e);
                }
              });
      SwarmRequest request =
          new SwarmRequest(
              6, 3.0, Optional.of(target.baseUrl()), Optional.of(Duration.ofSeconds(6)), List.of());
      HeadlessRun run =
          new HeadlessRun(
              master,
              HeadlessOptions.of(request).withExpectWorkers(3, Optional.of(STEP)),
              InstantSource.system());
      master.addListener(run);

      int exitCode = run.awaitExitCode(STEP.multipliedBy(2));

      assertThat(first.awaitExit(STEP)).as(first.log()).isZero();
      assertThat(second.awaitExit(STEP)).as(second.log()).isZero();
      assertThat(hatcheryWorker.get(STEP.toSeconds(), TimeUnit.SECONDS))
          .isEqualTo(WorkerRuntime.EXIT_OK);
      assertThat(javaRequests.sum()).as("the Hatchery worker made requests").isPositive();
      MasterSnapshot last = master.snapshot();
      assertThat(last.state()).isEqualTo(RunState.STOPPED);
      assertThat(exitCode).as("failures were recorded").isEqualTo(1);
      assertThat(last.degraded()).as("%s%n%s", first.log(), second.log()).isEmpty();

      StatsEntry hello = last.stats().find("/hello", "GET").orElseThrow();
      StatsEntry fail = last.stats().find("/fail", "GET").orElseThrow();
      assertThat(hello.numRequests())
          .as("%s%n%s", first.log(), second.log())
          .isPositive()
          .isEqualTo(target.requestCount("/hello"));
      assertThat(hello.numFailures()).isZero();
      assertThat(fail.numRequests()).isEqualTo(target.requestCount("/status/500"));
      assertThat(fail.numFailures()).isEqualTo(fail.numRequests());
      assertThat(last.stats().total().numRequests()).isEqualTo(target.requestCount());
      assertThat(first.log() + second.log()).doesNotContain("Traceback");
    }
  }

  @Test
  void pythonWorkersAreListedWithTheirStateAndIndex(@TempDir Path dir) throws Exception {
    PythonLocustfile.writeTo(dir);
    try (Master master =
            Master.builder()
                .userClasses(List.of(UserClassSpec.weighted(PythonLocustfile.USER_CLASS, 1)))
                .bind("127.0.0.1", 0)
                .start();
        LocustProcess first = worker(dir, master.port());
        LocustProcess second = worker(dir, master.port())) {
      MasterSnapshot snapshot = awaitWorkers(master, 2);

      assertThat(snapshot.workers()).extracting(WorkerView::index).containsExactlyInAnyOrder(0, 1);
      assertThat(snapshot.workers()).extracting(WorkerView::dialect).containsOnly("G2");
      master.quit();
      assertThat(master.awaitTermination(STEP)).isTrue();
      assertThat(first.awaitExit(STEP)).as(first.log()).isZero();
      assertThat(second.awaitExit(STEP)).as(second.log()).isZero();
    }
  }

  @Test
  void stoppedPythonWorkersReRegisterAndRunAgain(@TempDir Path dir) throws Exception {
    PythonLocustfile.writeTo(dir);
    try (TestTarget target = TestTarget.start();
        Master master =
            Master.builder()
                .userClasses(List.of(UserClassSpec.weighted(PythonLocustfile.USER_CLASS, 1)))
                .host(target.baseUrl())
                .stopTimeout(Duration.ofSeconds(3))
                .bind("127.0.0.1", 0)
                .start();
        LocustProcess worker = worker(dir, master.port())) {
      awaitWorkers(master, 1);
      master.start(SwarmRequest.of(2, 10.0));
      await(master, s -> s.state() == RunState.RUNNING && s.userCount() == 2);

      master.stop();
      // The worker sleeps its stop timeout (heartbeating) before it re-registers.
      await(master, s -> s.state() == RunState.STOPPED);
      await(
          master,
          s -> s.workers().size() == 1 && s.workers().get(0).state().wire().equals("ready"));

      master.start(SwarmRequest.of(3, 10.0));
      await(master, s -> s.state() == RunState.RUNNING && s.userCount() == 3);
      long requests = master.snapshot().stats().total().numRequests();
      await(master, s -> s.stats().total().numRequests() > requests + 10);
      assertThat(master.snapshot().state()).isEqualTo(RunState.RUNNING);
      assertThat(master.snapshot().userCount()).isEqualTo(3);

      master.quit();
      assertThat(master.awaitTermination(STEP)).isTrue();
      assertThat(worker.awaitExit(STEP)).as(worker.log()).isZero();
      assertThat(worker.log()).doesNotContain("Traceback");
    }
  }

  private static MasterSnapshot await(Master master, Predicate<MasterSnapshot> condition)
      throws Exception {
    long deadline = System.nanoTime() + STEP.toNanos();
    MasterSnapshot snapshot = master.snapshot();
    while (!condition.test(snapshot) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      snapshot = master.snapshot();
    }
    assertThat(condition.test(snapshot)).as("condition on %s", snapshot).isTrue();
    return snapshot;
  }

  private static MasterSnapshot awaitWorkers(Master master, int count) throws Exception {
    long deadline = System.nanoTime() + STEP.toNanos();
    MasterSnapshot snapshot = master.snapshot();
    while (snapshot.workers().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      snapshot = master.snapshot();
    }
    assertThat(snapshot.workers()).hasSize(count);
    return snapshot;
  }

  private static LocustProcess worker(Path dir, int port) throws Exception {
    return LocustProcess.start(
        dir,
        "-f",
        "locustfile.py",
        "--worker",
        "--master-host",
        "127.0.0.1",
        "--master-port",
        Integer.toString(port));
  }
}
