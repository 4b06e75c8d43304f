package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.protocol.payload.WorkerState;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Locust's {@code check_stopped} is skipped after heartbeats and reports that changed nothing;
 * these tests pin that every change it depends on still ends a run at once.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MasterRunnerStopCheckTest {
  private final RunnerHarness h = new RunnerHarness();

  @Test
  void heartbeatsThatChangeNothingKeepTheRunRunning() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    h.completeLastSpawn("vm_a");

    h.heartbeat("vm_a", WorkerState.RUNNING);
    h.heartbeat("vm_a", WorkerState.RUNNING);

    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);
  }

  @Test
  void aHeartbeatReportingReadyEndsAStoppingRun() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    h.completeLastSpawn("vm_a");
    h.runner.stop();
    assertThat(h.runner.state()).isEqualTo(RunState.STOPPING);

    h.heartbeat("vm_a", WorkerState.READY);

    assertThat(h.runner.state()).isEqualTo(RunState.STOPPED);
  }

  @Test
  void aRepeatedHeartbeatEndsAStopRequestedAfterTheWorkerWasAlreadyReady() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    h.completeLastSpawn("vm_a");
    h.heartbeat("vm_a", WorkerState.READY);
    assertThat(h.runner.state()).isEqualTo(RunState.RUNNING);

    h.runner.stop();
    h.heartbeat("vm_a", WorkerState.READY); // no change on the worker, but the run state changed

    assertThat(h.runner.state()).isEqualTo(RunState.STOPPED);
  }

  @Test
  void aHeartbeatReportingStoppedFromTheLastWorkerEndsTheRun() {
    h.ready("vm_a", "");
    h.runner.start(SwarmRequest.of(2, 10.0));
    h.completeLastSpawn("vm_a");

    h.heartbeat("vm_a", WorkerState.STOPPED);

    assertThat(h.runner.state()).isEqualTo(RunState.STOPPED);
  }
}
