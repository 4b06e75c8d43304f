package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.ClientReadyPayload;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerRegistrationTest {

  @Test
  void startSendsClientReadyMinusOneWithTheNodeId() throws Exception {
    RunnerFixture fixture = new RunnerFixture();
    fixture.runner.start();

    Message ready = fixture.sent().getFirst();
    assertThat(ready.type()).isEqualTo(MessageType.CLIENT_READY);
    assertThat(ClientReadyPayload.from(ready.data()).kind())
        .isEqualTo(ClientReadyPayload.Kind.MINUS_ONE);
    assertThat(ready.nodeId()).isEqualTo(RunnerFixture.NODE_ID);
  }

  @Test
  void clientReadyIsResentEveryFiveSecondsUntilAck() throws Exception {
    RunnerFixture fixture = new RunnerFixture();
    fixture.runner.start();
    assertThat(fixture.sentTypes()).containsExactly(MessageType.CLIENT_READY);

    fixture.advance(Duration.ofMillis(4_999));
    assertThat(fixture.sentTypes()).isEmpty();
    fixture.advance(Duration.ofMillis(1));
    assertThat(fixture.sentTypes()).containsExactly(MessageType.CLIENT_READY);
    fixture.advance(Duration.ofSeconds(5));
    assertThat(fixture.sentTypes()).containsExactly(MessageType.CLIENT_READY);

    fixture.fromMaster(MessageType.ACK, new AckPayload(7L).toData());
    fixture.sent();
    fixture.advanceInSteps(Duration.ofSeconds(30));
    assertThat(fixture.sentTypes()).doesNotContain(MessageType.CLIENT_READY);
  }

  @Test
  void ackIndexBecomesTheWorkerIndex() throws Exception {
    RunnerFixture fixture = new RunnerFixture();
    fixture.runner.start();
    assertThat(fixture.runner.workerIndex()).isEqualTo(-1);

    fixture.fromMaster(MessageType.ACK, new AckPayload(3L).toData());

    assertThat(fixture.runner.workerIndex()).isEqualTo(3);
  }

  @Test
  void nilAckOfLocust2100IsAcceptedWithoutIndex() throws Exception {
    RunnerFixture fixture = new RunnerFixture();
    fixture.runner.start();

    fixture.fromMaster(MessageType.ACK, null);
    fixture.sent();
    fixture.advance(Duration.ofSeconds(5));

    assertThat(fixture.runner.workerIndex()).isEqualTo(-1);
    assertThat(fixture.sentTypes()).doesNotContain(MessageType.CLIENT_READY);
  }

  @Test
  void noHeartbeatsOrStatsBeforeTheFirstAck() throws Exception {
    RunnerFixture fixture = new RunnerFixture();
    fixture.runner.start();
    fixture.sent();

    fixture.advance(Duration.ofSeconds(4));

    assertThat(fixture.sentTypes()).isEmpty();
  }

  @Test
  void givesUpWithExitCode255AfterSixtyUnansweredClientReadys() throws Exception {
    RunnerFixture fixture = new RunnerFixture();
    fixture.runner.start();

    for (int i = 0; i < 60 && fixture.runner.exitCode() == null; i++) {
      fixture.advance(Duration.ofSeconds(5));
      fixture.finishStopping();
    }

    assertThat(fixture.sent(MessageType.CLIENT_READY)).hasSize(60);
    assertThat(fixture.runner.exitCode()).isEqualTo(WorkerRuntime.EXIT_NO_MASTER);
    assertThat(fixture.bridge.events).containsExactly("quitting");
  }
}
