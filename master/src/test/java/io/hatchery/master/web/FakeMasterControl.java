package io.hatchery.master.web;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.control.WorkerView;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.StatsReport;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A working {@link MasterControl} without workers or sockets: {@link #start} records the request
 * and runs, {@link #recordTraffic} feeds real {@link StatsReport}s from a {@link StatsRecorder}
 * into a real {@link RequestStats}, and every snapshot merges them into a fresh copy. Thread-safe.
 */
final class FakeMasterControl implements MasterControl {

  private final InstantSource clock = InstantSource.system();
  private final List<StatsReport> reports = new ArrayList<>();
  private final List<SwarmRequest> starts = new ArrayList<>();
  private final List<ExceptionView> exceptions = new ArrayList<>();
  private RunState state = RunState.READY;
  private int stops;
  private int resets;
  private boolean quit;
  private Optional<String> host = Optional.empty();

  /** Records {@code requests} successes and {@code failures} failures as one worker report. */
  synchronized void recordTraffic(int requests, int failures) {
    StatsRecorder recorder = new StatsRecorder(clock);
    for (int i = 0; i < requests; i++) {
      recorder.record("/items", "GET", 10 + i % 50, 512);
      recorder.record("/cart <b>", "POST", 120.5 + i % 7, 64);
    }
    for (int i = 0; i < failures; i++) {
      recorder.recordFailure(
          "/missing", "GET", 3.1, 0, ErrorTexts.ofException("HTTPError", "404 Client Error"));
    }
    reports.add(recorder.snapshot());
  }

  synchronized void addException(String message) {
    exceptions.add(
        new ExceptionView(3, message, "Traceback <line>\n  at Scenario.run", Set.of("worker-1")));
  }

  synchronized void setState(RunState newState) {
    state = newState;
  }

  @Override
  public synchronized MasterSnapshot snapshot() {
    RequestStats stats = new RequestStats(clock);
    reports.forEach(stats::merge);
    int users = state == RunState.RUNNING || state == RunState.SPAWNING ? target() : 0;
    List<WorkerView> workers =
        List.of(
            new WorkerView(
                "worker-1",
                0,
                users > 0 ? WorkerState.RUNNING : WorkerState.READY,
                users,
                users > 0 ? Map.of("WebsiteUser", users) : Map.of(),
                12.5,
                64L << 20,
                clock.instant(),
                "G2"));
    return new MasterSnapshot(
        Instant.now(),
        state,
        users,
        target(),
        users > 0 ? Map.of("WebsiteUser", users) : Map.of(),
        host,
        List.of("WebsiteUser"),
        workers,
        stats,
        exceptions,
        List.of());
  }

  @Override
  public synchronized void start(SwarmRequest request) {
    if (request.userCount() < 0) {
      throw new IllegalArgumentException("user count must be >= 0");
    }
    if (request.spawnRatePerSecond() <= 0) {
      throw new IllegalArgumentException("spawn rate must be > 0");
    }
    starts.add(request);
    request.host().ifPresent(h -> host = Optional.of(h));
    state = RunState.RUNNING;
  }

  @Override
  public synchronized void stop() {
    stops++;
    state = RunState.STOPPED;
  }

  @Override
  public synchronized void resetStats() {
    resets++;
    reports.clear();
    exceptions.clear();
  }

  @Override
  public synchronized void quit() {
    quit = true;
    state = RunState.STOPPED;
  }

  @Override
  public void sendMessage(String type, Object data, String nodeId) {}

  synchronized List<SwarmRequest> starts() {
    return List.copyOf(starts);
  }

  synchronized int stops() {
    return stops;
  }

  synchronized int resets() {
    return resets;
  }

  synchronized boolean quitCalled() {
    return quit;
  }

  private int target() {
    return starts.isEmpty() ? 0 : starts.get(starts.size() - 1).userCount();
  }
}
