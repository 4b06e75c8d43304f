package io.hatchery.master.web;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The web server's one background thread: samples {@link MasterControl#snapshot()} into the {@link
 * ChartHistory} every interval while a test spawns, runs or stops, starts the {@code --autostart}
 * swarm, and quits the master {@code --autoquit} after an autostarted run has stopped (Locust
 * 2.12.1's {@code --autostart}/{@code --autoquit}). All state is confined to that thread.
 */
final class HistorySampler implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(HistorySampler.class.getName());

  private final ScheduledExecutorService thread;
  private final MasterControl control;
  private final SnapshotReader snapshots;
  private final ChartHistory history;
  private final Optional<Duration> autoquit;
  private boolean ranSinceStart;
  private boolean quitScheduled;

  private HistorySampler(
      WebSettings settings, MasterControl control, SnapshotReader snapshots, ChartHistory history) {
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
    this.autoquit = settings.autostart().isPresent() ? settings.autoquit() : Optional.empty();
  }

  static HistorySampler start(
      WebSettings settings, MasterControl control, SnapshotReader snapshots, ChartHistory history) {
    HistorySampler sampler = new HistorySampler(settings, control, snapshots, history);
    settings
        .autostart()
        .ifPresent(request -> sampler.thread.execute(() -> sampler.autostart(request)));
    long periodMillis = settings.historyInterval().toMillis();
    sampler.thread.scheduleAtFixedRate(
        sampler::sample, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return sampler;
  }

  private void autostart(io.hatchery.master.control.SwarmRequest request) {
    try {
      control.start(request);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "--autostart failed: " + e.getMessage(), e);
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
      LOG.log(Level.WARNING, "chart history sample failed", e);
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
    LOG.log(Level.INFO, "--autoquit: quitting in " + delay.toSeconds() + " seconds");
    thread.schedule(control::quit, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
