package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerHeartbeatTest {

  @Test
  void heartbeatGoesOutRightAfterAckThenEverySecond() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    assertThat(fixture.sentTypes())
        .containsExactly(MessageType.CLIENT_READY, MessageType.HEARTBEAT);

    fixture.advance(Duration.ofMillis(999));
    assertThat(fixture.sentTypes()).isEmpty();
    fixture.advance(Duration.ofMillis(1));
    assertThat(fixture.sentTypes()).containsExactly(MessageType.HEARTBEAT);
    fixture.advanceInSteps(Duration.ofSeconds(2));
    assertThat(fixture.sent(MessageType.HEARTBEAT)).hasSize(2);
  }

  @Test
  void heartbeatCarriesStateCpuAndMemoryInLocustKeyOrder() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();

    Message heartbeat = fixture.sent(MessageType.HEARTBEAT).getFirst();

    assertThat(keys(heartbeat))
        .containsExactly(
            PayloadKeys.STATE, PayloadKeys.CURRENT_CPU_USAGE, PayloadKeys.CURRENT_MEMORY_USAGE);
    HeartbeatPayload payload = HeartbeatPayload.from(heartbeat.data());
    assertThat(payload.state()).isEqualTo(WorkerState.READY);
    assertThat(payload.currentCpuUsagePercent()).isEqualTo(RunnerFixture.CPU_PERCENT);
    assertThat(payload.currentMemoryUsageBytes()).isEqualTo(RunnerFixture.MEMORY_BYTES);
  }

  @Test
  void heartbeatReportsRunningAfterSpawnUntilStoppedUsersHaveEndedLikeLocust() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.sent();

    fixture.advance(Duration.ofSeconds(1));
    assertThat(stateOfLastHeartbeat(fixture)).isEqualTo(WorkerState.RUNNING);

    fixture.fromMaster(MessageType.STOP, null);
    fixture.advance(Duration.ofSeconds(1));
    assertThat(fixture.runner.state()).isEqualTo(WorkerState.STOPPING);
    assertThat(stateOfLastHeartbeat(fixture)).isEqualTo(WorkerState.RUNNING);

    fixture.finishStopping();
    fixture.advance(Duration.ofSeconds(1));
    assertThat(stateOfLastHeartbeat(fixture)).isEqualTo(WorkerState.READY);
  }

  @Test
  void processResourceUsageReportsRealMemoryAndNonNegativeCpu() {
    ProcessResourceUsage usage = new ProcessResourceUsage();

    assertThat(usage.cpuPercentSinceLastCall()).isZero();
    assertThat(usage.cpuPercentSinceLastCall()).isGreaterThanOrEqualTo(0.0);
    assertThat(usage.memoryBytes()).isGreaterThan(1024L * 1024);
  }

  static List<Object> keys(Message message) {
    return new ArrayList<>(((Map<?, ?>) message.data()).keySet());
  }

  private static WorkerState stateOfLastHeartbeat(RunnerFixture fixture) throws Exception {
    return HeartbeatPayload.from(fixture.sent(MessageType.HEARTBEAT).getLast().data()).state();
  }
}
