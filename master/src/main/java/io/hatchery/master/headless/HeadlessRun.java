package io.hatchery.master.headless;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.runner.MasterListener;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orchestrates a headless run on a master: waits until {@code --expect-workers} workers are ready
 * (giving up after {@code --expect-workers-max-wait} with status 1), starts the swarm, quits when
 * the test stopped by itself (the last worker left), and yields Locust's exit status once the
 * master quit: {@code --exit-code-on-error} when any request failed or any exception was reported,
 * else 0. The run time ({@code -t}) is part of the request: the master quits when it ends.
 *
 * <p>Mirrors the headless path of {@code locust/main.py} (2.12.1). It is driven entirely by the
 * master's snapshots (published at least once per heartbeat interval), so it follows the master's
 * clock: tests with a manual clock need no sleeps. Thread-safety: its listener methods run on the
 * control thread; {@link #exitCode()} and {@link #awaitExitCode} may be called from any thread.
 *
 * <pre>{@code
 * HeadlessRun run = new HeadlessRun(master, options, InstantSource.system());
 * master.addListener(run);
 * int status = run.awaitExitCode(Duration.ofHours(24));  // the CLI also calls master.quit() on ^C
 * }</pre>
 */
public final class HeadlessRun implements MasterListener {
  private static final Logger LOG = LoggerFactory.getLogger(HeadlessRun.class);

  private enum Phase {
    WAITING_FOR_WORKERS,
    STARTED,
    QUITTING
  }

  private final MasterControl control;
  private final HeadlessOptions options;
  private final InstantSource clock;
  private final ExpectedWorkers expected;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private volatile Phase phase = Phase.WAITING_FOR_WORKERS;
  private volatile boolean gaveUp;
  private boolean sawActiveRun;

  public HeadlessRun(MasterControl control, HeadlessOptions options, InstantSource clock) {
    this.control = control;
    this.options = options;
    this.clock = clock;
    this.expected =
        new ExpectedWorkers(
            options.expectWorkers(), options.expectWorkersMaxWait(), clock.instant());
  }

  /** Completes with the exit status when the master has quit. */
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  /** Waits for the exit status. */
  public int awaitExitCode(Duration timeout)
      throws InterruptedException, TimeoutException, ExecutionException {
    return exitCode.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void snapshotPublished(MasterSnapshot snapshot) {
    switch (phase) {
      case WAITING_FOR_WORKERS -> waitForWorkers(snapshot);
      case STARTED -> watchRun(snapshot);
      case QUITTING -> {}
    }
  }

  @Override
  public void quit(MasterSnapshot finalSnapshot) {
    phase = Phase.QUITTING;
    exitCode.complete(gaveUp ? 1 : statusOf(finalSnapshot));
  }

  /** Locust's exit status for a finished run: errors or exceptions give the error code. */
  public int statusOf(MasterSnapshot finalSnapshot) {
    boolean failures =
        !finalSnapshot.stats().errors().isEmpty()
            || finalSnapshot.stats().total().numFailures() > 0
            || !finalSnapshot.exceptions().isEmpty();
    return failures ? options.exitCodeOnError() : 0;
  }

  private void waitForWorkers(MasterSnapshot snapshot) {
    switch (expected.check(snapshot, clock.instant())) {
      case READY -> {
        LOG.info("{} workers ready, starting the test", ExpectedWorkers.readyWorkers(snapshot));
        phase = Phase.STARTED;
        control.start(options.request());
      }
      case GAVE_UP -> {
        gaveUp = true;
        phase = Phase.QUITTING;
        control.quit();
      }
      case WAITING -> {}
    }
  }

  private void watchRun(MasterSnapshot snapshot) {
    RunState state = snapshot.state();
    if (state == RunState.SPAWNING || state == RunState.RUNNING) {
      sawActiveRun = true;
    } else if (state == RunState.STOPPED && sawActiveRun) {
      // The test stopped without a quit (e.g. the last worker left): Locust then quits.
      phase = Phase.QUITTING;
      control.quit();
    }
  }
}
