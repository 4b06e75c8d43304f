package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerMasterLivenessTest {
  private static final WorkerSettings SHORT =
      WorkerSettings.defaults("127.0.0.1", 5557)
          .withMasterLiveness(Duration.ofSeconds(10), Duration.ofSeconds(30));

  @Test
  void aMasterThatNeverSendsHeartbeatsIsNeverTimedOut() throws Exception {
    RunnerFixture fixture = new RunnerFixture(SHORT).startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.sent();

    fixture.advanceInSteps(Duration.ofSeconds(120));

    assertThat(fixture.sentTypes()).doesNotContain(MessageType.CLIENT_READY);
    assertThat(fixture.runner.state()).isEqualTo(WorkerState.RUNNING);
    assertThat(fixture.runner.exitCode()).isNull();
  }

  @Test
  void regularMasterHeartbeatsKeepTheWorkerRunning() throws Exception {
    RunnerFixture fixture = new RunnerFixture(SHORT).startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.sent();

    for (int i = 0; i < 60; i++) {
      fixture.fromMaster(MessageType.HEARTBEAT, null);
      fixture.advance(Duration.ofSeconds(1));
    }

    assertThat(fixture.runner.state()).isEqualTo(WorkerState.RUNNING);
    assertThat(fixture.sentTypes()).doesNotContain(MessageType.CLIENT_READY);
  }

  @Test
  void silentMasterAfterFirstHeartbeatStopsUsersAndReRegisters() throws Exception {
    RunnerFixture fixture = new RunnerFixture(SHORT).startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.fromMaster(MessageType.HEARTBEAT, null);
    fixture.sent();

    fixture.advanceInSteps(Duration.ofSeconds(9));
    assertThat(fixture.runner.state()).isEqualTo(WorkerState.RUNNING);
    fixture.advance(Duration.ofSeconds(1));
    assertThat(fixture.runner.state()).isEqualTo(WorkerState.STOPPING);
    fixture.finishStopping();

    assertThat(fixture.runner.userCount()).isZero();
    assertThat(fixture.bridge.events).endsWith("test_stop");
    assertThat(fixture.sentTypes())
        .contains(MessageType.CLIENT_READY)
        .doesNotContain(MessageType.CLIENT_STOPPED);
    fixture.advance(Duration.ofSeconds(5));
    assertThat(fixture.sent(MessageType.CLIENT_READY)).hasSize(1);
  }

  @Test
  void masterComingBackWithAckEndsTheGiveUpCountdown() throws Exception {
    RunnerFixture fixture = new RunnerFixture(SHORT).startRegistered();
    fixture.fromMaster(MessageType.HEARTBEAT, null);
    fixture.advanceInSteps(Duration.ofSeconds(20));

    fixture.fromMaster(MessageType.ACK, new AckPayload(0L).toData());
    fixture.sent();
    fixture.advanceInSteps(Duration.ofSeconds(60));

    assertThat(fixture.runner.exitCode()).isNull();
    assertThat(fixture.sentTypes()).doesNotContain(MessageType.CLIENT_READY);
    assertThat(fixture.runner.workerIndex()).isZero();
  }

  @Test
  void masterSilentBeyondTheLimitEndsTheWorkerWithExitCode255() throws Exception {
    RunnerFixture fixture = new RunnerFixture(SHORT).startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.fromMaster(MessageType.HEARTBEAT, null);
    fixture.advanceInSteps(Duration.ofSeconds(10));
    fixture.finishStopping();
    fixture.sent();

    fixture.advanceInSteps(Duration.ofSeconds(29));
    assertThat(fixture.runner.exitCode()).isNull();
    assertThat(fixture.sent(MessageType.CLIENT_READY)).hasSize(5);
    fixture.advance(Duration.ofSeconds(1));
    fixture.finishStopping();

    assertThat(fixture.runner.exitCode()).isEqualTo(WorkerRuntime.EXIT_NO_MASTER);
    assertThat(fixture.bridge.events).endsWith("quitting");
  }

  @Test
  void masterHeartbeatsDuringALongStopKeepTheMasterAlive() throws Exception {
    RunnerFixture fixture = new RunnerFixture(SHORT).startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.fromMaster(MessageType.HEARTBEAT, null);
    fixture.fromMaster(MessageType.STOP, null);
    fixture.sent();

    for (int i = 0; i < 30; i++) {
      fixture.advance(Duration.ofSeconds(1));
      fixture.fromMaster(MessageType.HEARTBEAT, null);
    }
    fixture.finishStopping();

    assertThat(fixture.sentTypes()).contains(MessageType.CLIENT_STOPPED, MessageType.CLIENT_READY);
    assertThat(fixture.runner.exitCode()).isNull();
  }
}
