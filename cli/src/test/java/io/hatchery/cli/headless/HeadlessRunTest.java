package io.hatchery.cli.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.cli.options.ConfigSources;
import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.master.control.RunState;
import io.hatchery.protocol.payload.WorkerState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HeadlessRunTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T03:00:00Z"));
  private final FakeMasterControl master = new FakeMasterControl(clock);
  private final List<String> console = new ArrayList<>();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  private HeadlessRun run(boolean onMaster, String... args) throws Exception {
    Settings settings = new ConfigSources(dir, dir, Map.of()).resolve(List.of(args));
    return new HeadlessRun(
        master,
        settings,
        clock,
        console::add,
        new PrintStream(stdout, true, StandardCharsets.UTF_8),
        Optional.empty(),
        80,
        onMaster ? settings.integer(LocustOption.EXPECT_WORKERS).getAsInt() : 0);
  }

  /** Ticks once a second until the run is over; returns the number of ticks. */
  private int tickUntilDone(HeadlessRun run, int maxTicks) {
    for (int i = 1; i <= maxTicks; i++) {
      clock.advance(Duration.ofSeconds(1));
      master.recorder.record("/", "GET", 10 + i, 100);
      master.report();
      if (run.tick()) {
        return i;
      }
    }
    throw new AssertionError("the run did not end within " + maxTicks + " ticks");
  }

  private long tablesPrinted() {
    return console.stream().filter(l -> l.startsWith("Type ") && l.contains("# fails")).count();
  }

  @Test
  void standaloneStartsAtOnceAndStopsAtTheRunTime() throws Exception {
    HeadlessRun run = run(false, "--headless", "-u", "5", "-r", "2", "-t", "10s", "-H", "http://t");
    assertThat(master.starts)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.userCount()).isEqualTo(5);
              assertThat(r.spawnRatePerSecond()).isEqualTo(2.0);
              assertThat(r.host()).contains("http://t");
            });
    assertThat(tickUntilDone(run, 60)).isEqualTo(10);
    assertThat(tablesPrinted()).isEqualTo(5);
    assertThat(run.finish(false)).isZero();
    assertThat(master.quits).isEqualTo(1);
    assertThat(tablesPrinted()).isEqualTo(6);
    assertThat(console).contains("Response time percentiles (approximated)");
  }

  @Test
  void usersAndSpawnRateDefaultToOne() throws Exception {
    run(false, "--headless");
    assertThat(master.starts.get(0).userCount()).isEqualTo(1);
    assertThat(master.starts.get(0).spawnRatePerSecond()).isEqualTo(1.0);
  }

  @Test
  void onlySummaryPrintsJustTheFinalTable() throws Exception {
    HeadlessRun run = run(false, "--headless", "-t", "6", "--only-summary");
    tickUntilDone(run, 60);
    assertThat(tablesPrinted()).isZero();
    run.finish(false);
    assertThat(tablesPrinted()).isEqualTo(1);
  }

  @Test
  void requestFailuresExitWithExitCodeOnError() throws Exception {
    HeadlessRun run = run(false, "--headless", "-t", "2", "--exit-code-on-error", "3");
    master.recorder.recordFailure("/x", "GET", 5, 0, "'boom'");
    tickUntilDone(run, 10);
    assertThat(run.finish(false)).isEqualTo(3);
    assertThat(console).contains("Error report");
  }

  @Test
  void anInternalErrorExitsTwo() throws Exception {
    HeadlessRun run = run(false, "--headless", "-t", "2");
    tickUntilDone(run, 10);
    assertThat(run.finish(true)).isEqualTo(2);
  }

  @Test
  void failedThresholdExitsOneWithAReadableVerdict() throws Exception {
    HeadlessRun run =
        run(false, "--headless", "-t", "3", "--check-p95", "5", "--check-fail-ratio", "0.01");
    tickUntilDone(run, 10);
    assertThat(run.finish(false)).isEqualTo(1);
    assertThat(console)
        .contains(
            "Thresholds:",
            "  FAIL --check-p95: 95th percentile response time (ms) 13 > 5",
            "  PASS --check-fail-ratio: failure ratio 0 <= 0.01",
            "Thresholds failed: 1 of 2");
  }

  @Test
  void passedThresholdsExitZero() throws Exception {
    HeadlessRun run =
        run(false, "--headless", "-t", "3", "--check-avg-response-time", "200", "--check-rps", "0");
    tickUntilDone(run, 10);
    assertThat(run.finish(false)).isZero();
    assertThat(console).contains("All thresholds passed");
  }

  @Test
  void masterWaitsForReadyWorkersThenStarts() throws Exception {
    HeadlessRun run = run(true, "--headless", "--master", "--expect-workers", "2", "-t", "5");
    master.addWorker("a", WorkerState.READY);
    assertThat(run.tick()).isFalse();
    assertThat(master.starts).isEmpty();
    master.addWorker("b", WorkerState.READY);
    assertThat(run.tick()).isFalse();
    assertThat(master.starts).hasSize(1);
  }

  @Test
  void masterGivesUpWaitingAfterTheMaximumWaitAndExitsOne() throws Exception {
    HeadlessRun run = run(true, "--headless", "--master", "--expect-workers-max-wait", "3");
    master.addWorker("a", WorkerState.MISSING);
    assertThat(tickUntilDone(run, 10)).isEqualTo(3);
    assertThat(master.starts).isEmpty();
    assertThat(run.finish(false)).isEqualTo(1);
  }

  @Test
  void resetStatsZeroesOnceSpawningCompletes() throws Exception {
    HeadlessRun run = run(false, "--headless", "--reset-stats");
    master.state = RunState.SPAWNING;
    run.tick();
    assertThat(master.resets).isZero();
    master.state = RunState.RUNNING;
    run.tick();
    run.tick();
    assertThat(master.resets).isEqualTo(1);
  }

  @Test
  void runEndsWhenTheTestStopsByItself() throws Exception {
    HeadlessRun run = run(false, "--headless");
    assertThat(run.tick()).isFalse();
    master.state = RunState.STOPPED;
    assertThat(run.tick()).isTrue();
  }

  @Test
  void oldNumRequestStopsAfterThatManyRequests() throws Exception {
    HeadlessRun run = run(false, "--no-web", "-n", "4");
    assertThat(tickUntilDone(run, 60)).isEqualTo(4);
  }

  @Test
  void degradedRunIsShownInTheVerdict() throws Exception {
    HeadlessRun run = run(false, "--headless", "-t", "1");
    master.degraded.add("worker w2 is missing: 10 of 20 users running");
    tickUntilDone(run, 10);
    run.finish(false);
    assertThat(console).contains("Degraded run: worker w2 is missing: 10 of 20 users running");
  }

  @Test
  void jsonGoesToStdout() throws Exception {
    HeadlessRun run = run(false, "--headless", "-t", "1", "--json");
    tickUntilDone(run, 10);
    run.finish(false);
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .startsWith("[\n    {\n        \"name\": \"/\",\n        \"method\": \"GET\",");
  }
}
