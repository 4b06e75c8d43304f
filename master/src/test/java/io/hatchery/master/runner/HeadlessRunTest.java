package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.headless.HeadlessOptions;
import io.hatchery.master.headless.HeadlessRun;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link HeadlessRun} against a runner on a manual clock (in this package for the harness). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeadlessRunTest {
  private final RunnerHarness h = new RunnerHarness();
  private final QueuedControl control = new QueuedControl(h.runner);

  private HeadlessRun headless(int workers, Duration maxWait, Duration runTime) {
    SwarmRequest request =
        new SwarmRequest(2, 10.0, Optional.empty(), Optional.of(runTime), List.of());
    HeadlessRun run =
        new HeadlessRun(
            control,
            HeadlessOptions.of(request).withExpectWorkers(workers, Optional.ofNullable(maxWait)),
            h.clock);
    h.runner.addListener(run);
    return run;
  }

  private void tick(Duration total, String... alive) {
    for (long s = 0; s < total.toSeconds(); s++) {
      for (String id : alive) {
        h.heartbeat(
            id, h.runner.state() == RunState.READY ? WorkerState.READY : WorkerState.RUNNING);
      }
      h.advance(Duration.ofSeconds(1));
      control.drain();
    }
  }

  @Test
  void waitsForTheExpectedWorkersThenRunsAndExitsZero() {
    HeadlessRun run = headless(2, null, Duration.ofSeconds(5));
    h.ready("vm_a", "");
    tick(Duration.ofSeconds(3), "vm_a");
    assertThat(h.sent("vm_a", MessageType.SPAWN)).isEmpty();

    h.ready("vm_b", "");
    tick(Duration.ofSeconds(1), "vm_a", "vm_b");
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 1L));
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 3));

    tick(Duration.ofSeconds(5), "vm_a", "vm_b");
    assertThat(h.sent("vm_a", MessageType.QUIT)).hasSize(1);
    h.send("vm_a", MessageType.QUIT, null);
    h.send("vm_b", MessageType.QUIT, null);

    assertThat(run.exitCode()).isCompletedWithValue(0);
  }

  @Test
  void failuresMakeTheExitCodeOne() {
    HeadlessRun run = headless(1, null, Duration.ofSeconds(2));
    h.ready("vm_a", "");
    tick(Duration.ofSeconds(1), "vm_a");
    h.send("vm_a", MessageType.STATS, StatsData.withFailures("/a", 3, 1));
    tick(Duration.ofSeconds(3), "vm_a");
    h.send("vm_a", MessageType.QUIT, null);

    assertThat(run.exitCode()).isCompletedWithValue(1);
  }

  @Test
  void exceptionsMakeTheExitCodeOne() {
    HeadlessRun run = headless(1, null, Duration.ofSeconds(2));
    h.ready("vm_a", "");
    tick(Duration.ofSeconds(1), "vm_a");
    h.send("vm_a", MessageType.EXCEPTION, Map.of("msg", "x", "traceback", "tb"));
    tick(Duration.ofSeconds(3), "vm_a");
    h.send("vm_a", MessageType.QUIT, null);

    assertThat(run.exitCode()).isCompletedWithValue(1);
  }

  @Test
  void givingUpWaitingForWorkersExitsOne() {
    HeadlessRun run = headless(3, Duration.ofSeconds(10), Duration.ofSeconds(60));
    h.ready("vm_a", "");
    tick(Duration.ofSeconds(10), "vm_a");
    assertThat(run.exitCode()).isNotDone();
    tick(Duration.ofSeconds(2), "vm_a");
    h.send("vm_a", MessageType.QUIT, null);

    assertThat(run.exitCode()).isCompletedWithValue(1);
    assertThat(h.sent("vm_a", MessageType.SPAWN)).isEmpty();
  }

  @Test
  void theLastWorkerLeavingEndsTheRun() {
    HeadlessRun run = headless(1, null, Duration.ofSeconds(600));
    h.ready("vm_a", "");
    tick(Duration.ofSeconds(2), "vm_a");
    h.send("vm_a", MessageType.QUIT, null);
    tick(Duration.ofSeconds(1));

    assertThat(run.exitCode()).isCompletedWithValue(0);
  }
}
