package io.hatchery.master.web;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.headless.ExpectedWorkers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server's one background thread: samples {@link MasterControl#snapshot()} into the {@link
 * ChartHistory} every interval while a test spawns, runs or stops, starts the {@code --autostart}
 * swarm once {@code --expect-workers} workers are ready (checking every second and logging the
 * wait, or quitting after {@code --expect-workers-max-wait}), and quits the master {@code
 * --autoquit} after an autostarted run has stopped (Locust 2.12.1's {@code --autostart}/{@code
 * --autoquit}). A headless run that writes {@code --html} without a web server records its history
 * with {@link #record}.
 *
 * <pre>{@code
 * ChartHistory history = new ChartHistory(ChartHistory.DEFAULT_CAPACITY);
 * try (HistorySampler sampler = HistorySampler.record(control, history, Duration.ofSeconds(5))) {
 *   ... run ...
 * }
 * HtmlReport.write(control.snapshot(), history.points(), writer);
 * }</pre>
 *
 * <p>Thread-safety: all state is confined to its own daemon thread; {@link #close()} may be called
 * from any thread.
 */
public final class HistorySampler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HistorySampler.class);

  private final ScheduledExecutorService thread;
  private final MasterControl control;
  private final SnapshotReader snapshots;
  private final ChartHistory history;
  private final Optional<Duration> autoquit;
  private boolean ranSinceStart;
  private boolean quitScheduled;

  private HistorySampler(
      Optional<Duration> autoquit,
      MasterControl control,
      SnapshotReader snapshots,
      ChartHistory history) {
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hatchery-web-history");
              t.setDaemon(true);
              return t;
            });
    this.control = control;
    this.snapshots = snapshots;
    this.history = history;
    this.autoquit = autoquit;
  }

  /** Samples {@code control} into {@code history} every {@code interval} until closed. */
  public static HistorySampler record(
      MasterControl control, ChartHistory history, Duration interval) {
    HistorySampler sampler =
        new HistorySampler(Optional.empty(), control, new SnapshotReader(control), history);
    sampler.schedule(interval);
    return sampler;
  }

  static HistorySampler start(
      WebSettings settings, MasterControl control, SnapshotReader snapshots, ChartHistory history) {
    Optional<Duration> autoquit =
        settings.autostart().isPresent() ? settings.autoquit() : Optional.empty();
    HistorySampler sampler = new HistorySampler(autoquit, control, snapshots, history);
    settings.autostart().ifPresent(sampler::awaitWorkersThenStart);
    sampler.schedule(settings.historyInterval());
    return sampler;
  }

  private void awaitWorkersThenStart(Autostart start) {
    AutostartWait wait = new AutostartWait(start, monotonicNow());
    thread.execute(wait::begin);
  }

  private void schedule(Duration interval) {
    long periodMillis = interval.toMillis();
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("interval must be >= 1 ms: " + interval);
    }
    thread.scheduleAtFixedRate(this::sample, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void autostart(SwarmRequest request) {
    try {
      control.start(request);
    } catch (RuntimeException e) {
      LOG.error("--autostart failed: {}", e.getMessage(), e);
    }
  }

  private void sample() {
    try {
      Optional<HistoryPoint> point = snapshots.read(HistorySampler::pointWhileRunning);
      RunState state = point.isPresent() ? RunState.RUNNING : control.snapshot().state();
      if (point.isPresent()) {
        history.add(point.get());
        ranSinceStart = true;
      } else if (state == RunState.STOPPED && ranSinceStart && autoquit.isPresent()) {
        scheduleQuit(autoquit.get());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("chart history sample failed", e);
    }
  }

  private static Optional<HistoryPoint> pointWhileRunning(MasterSnapshot snapshot) {
    RunState state = snapshot.state();
    if (state == RunState.SPAWNING || state == RunState.RUNNING || state == RunState.STOPPING) {
      return Optional.of(HistoryPoint.of(snapshot));
    }
    return Optional.empty();
  }

  private void scheduleQuit(Duration delay) {
    if (quitScheduled) {
      return;
    }
    quitScheduled = true;
    LOG.info("--autoquit: quitting in {} seconds", delay.toSeconds());
    thread.schedule(control::quit, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops sampling (and a pending autoquit). */
  @Override
  public void close() {
    thread.shutdownNow();
  }

  /**
   * Locust's wait before an automatic run: every second, start once enough workers are ready, or
   * give up and quit after the maximum wait, logging the wait once per second. Confined to the
   * sampler thread: {@link #begin} schedules the check from that thread, so the check never runs
   * before its future is set.
   */
  /** {@link System#nanoTime()} as an instant: the wait only subtracts two, so no clock jumps. */
  private static Instant monotonicNow() {
    return Instant.EPOCH.plusNanos(System.nanoTime());
  }

  private final class AutostartWait implements Runnable {
    private final Autostart start;
    private final ExpectedWorkers expected;
    private ScheduledFuture<?> check;

    AutostartWait(Autostart start, Instant since) {
      this.start = start;
      this.expected =
          new ExpectedWorkers(start.expectWorkers(), start.expectWorkersMaxWait(), since);
    }

    void begin() {
      check = thread.scheduleAtFixedRate(this, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void run() {
      try {
        switch (expected.check(control.snapshot(), monotonicNow())) {
          case READY -> {
            autostart(start.request());
            check.cancel(false);
          }
          case GAVE_UP -> {
            control.quit();
            check.cancel(false);
          }
          case WAITING -> {}
        }
      } catch (RuntimeException e) {
        LOG.warn("--autostart check failed; retrying", e);
      }
    }
  }
}
