package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.StatsPayload;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerStopQuitTest {

  @Test
  void stopEndsUsersThenSendsClientStoppedAndClientReady() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.sent();

    fixture.fromMaster(MessageType.STOP, null);
    assertThat(fixture.runner.state()).isEqualTo(WorkerState.STOPPING);
    assertThat(fixture.sentTypes()).isEmpty();

    fixture.finishStopping();

    assertThat(fixture.sentTypes())
        .containsExactly(MessageType.CLIENT_STOPPED, MessageType.CLIENT_READY);
    assertThat(fixture.runner.state()).isEqualTo(WorkerState.READY);
    assertThat(fixture.runner.userCount()).isZero();
    assertThat(fixture.bridge.events).endsWith("test_stop");
    assertThat(fixture.runner.exitCode()).isNull();
  }

  @Test
  void afterStopClientReadyIsRetriedUntilAckAndTheNextSpawnStartsANewTest() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.fromMaster(MessageType.STOP, null);
    fixture.finishStopping();
    fixture.sent();

    fixture.advance(Duration.ofSeconds(5));
    assertThat(fixture.sent(MessageType.CLIENT_READY)).hasSize(1);
    fixture.fromMaster(MessageType.ACK, new AckPayload(4L).toData());
    fixture.spawn(Map.of("MyUser", 1L));

    assertThat(fixture.bridge.events)
        .containsExactly(
            "test_start", "spawning_complete 2", "test_stop", "test_start", "spawning_complete 1");
  }

  @Test
  void messagesArrivingWhileStoppingWaitUntilUsersHaveEnded() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.fromMaster(MessageType.STOP, null);
    fixture.sent();

    fixture.spawn(Map.of("MyUser", 5L));
    assertThat(fixture.sentTypes()).isEmpty();
    assertThat(fixture.bridge.users.appliedTargets).hasSize(1);

    fixture.finishStopping();

    assertThat(fixture.sentTypes())
        .containsExactly(
            MessageType.CLIENT_STOPPED,
            MessageType.CLIENT_READY,
            MessageType.SPAWNING,
            MessageType.SPAWNING_COMPLETE);
    assertThat(fixture.runner.userCount()).isEqualTo(5);
  }

  @Test
  void quitStopsUsersSendsFinalStatsAndQuitThenExitsZero() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.bridge.stats.record("/last", "GET", 5.0, 10);
    fixture.sent();

    fixture.fromMaster(MessageType.QUIT, null);
    assertThat(fixture.runner.exitCode()).isNull();
    fixture.finishStopping();

    assertThat(fixture.sentTypes()).containsExactly(MessageType.STATS, MessageType.QUIT);
    StatsPayload finalStats =
        StatsPayload.from(fixture.received.get(fixture.received.size() - 2).data());
    assertThat(finalStats.stats()).hasSize(1);
    assertThat(fixture.runner.exitCode()).isEqualTo(WorkerRuntime.EXIT_OK);
    assertThat(fixture.bridge.events).endsWith("test_stop", "quitting");
    assertThat(fixture.bridge.users.stopAllCalls).isEqualTo(1);
  }

  @Test
  void quitWhileStoppingQuitsOnceUsersHaveEnded() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.fromMaster(MessageType.STOP, null);
    fixture.fromMaster(MessageType.QUIT, null);
    fixture.sent();

    fixture.finishStopping();

    assertThat(fixture.sentTypes()).containsExactly(MessageType.STATS, MessageType.QUIT);
    assertThat(fixture.runner.exitCode()).isEqualTo(WorkerRuntime.EXIT_OK);
  }

  @Test
  void runnerQuitFromAUserThreadEndsTheRunLikeAMasterQuit() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 1L));
    fixture.sent();

    Thread user = Thread.ofVirtual().start(() -> fixture.bridge.runner.quit());
    user.join();
    fixture.pump();
    fixture.finishStopping();

    assertThat(fixture.sentTypes()).containsExactly(MessageType.STATS, MessageType.QUIT);
    assertThat(fixture.runner.exitCode()).isEqualTo(WorkerRuntime.EXIT_OK);
  }

  @Test
  void nothingIsSentAfterExit() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.fromMaster(MessageType.QUIT, null);
    fixture.finishStopping();
    fixture.sent();

    fixture.advanceInSteps(Duration.ofSeconds(10));
    fixture.spawn(Map.of("MyUser", 1L));

    assertThat(fixture.sentTypes()).isEmpty();
  }
}
