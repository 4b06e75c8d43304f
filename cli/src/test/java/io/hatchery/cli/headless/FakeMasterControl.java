package io.hatchery.cli.headless;

import io.hatchery.master.control.ExceptionView;
import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.control.WorkerView;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsRecorder;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A working stand-in for the master runtime: swarm requests set the user count and state at once,
 * statistics come from a {@link StatsRecorder} the test records into, and every command is kept.
 */
final class FakeMasterControl implements MasterControl {
  final InstantSource clock;
  final StatsRecorder recorder;
  final RequestStats stats;
  final List<SwarmRequest> starts = new ArrayList<>();
  final List<WorkerView> workers = new ArrayList<>();
  final List<ExceptionView> exceptions = new ArrayList<>();
  final List<String> degraded = new ArrayList<>();
  RunState state = RunState.READY;
  int userCount;
  int resets;
  int quits;

  FakeMasterControl(InstantSource clock) {
    this.clock = clock;
    this.recorder = new StatsRecorder(clock);
    this.stats = new RequestStats(clock);
  }

  /** Moves what was recorded into the master's stats, as a worker report would. */
  void report() {
    stats.merge(recorder.snapshot());
  }

  void addWorker(String id, WorkerState workerState) {
    workers.add(
        new WorkerView(id, workers.size(), workerState, 0, Map.of(), 0, 0, clock.instant(), "G2"));
  }

  @Override
  public MasterSnapshot snapshot() {
    return new MasterSnapshot(
        Instant.from(clock.instant()),
        state,
        userCount,
        starts.isEmpty() ? 0 : starts.get(starts.size() - 1).userCount(),
        Map.of(),
        Optional.empty(),
        List.of("WebsiteUser"),
        workers,
        stats,
        exceptions,
        degraded);
  }

  @Override
  public void start(SwarmRequest request) {
    starts.add(request);
    userCount = request.userCount();
    state = RunState.RUNNING;
  }

  @Override
  public void stop() {
    state = RunState.STOPPED;
  }

  @Override
  public void resetStats() {
    resets++;
    stats.resetAll();
  }

  @Override
  public void quit() {
    quits++;
    state = RunState.STOPPED;
  }

  @Override
  public void sendMessage(String type, Object data, String nodeId) {}
}
