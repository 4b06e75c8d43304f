package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.ExceptionPayload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerExceptionTest {

  @Test
  void userErrorBecomesAnExceptionMessageWithMessageAndTraceback() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.sent();

    fixture.bridge.userErrors.onUserError(new IllegalStateException("task blew up"));
    fixture.pump();

    List<Message> sent = fixture.sent(MessageType.EXCEPTION);
    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().nodeId()).isEqualTo(RunnerFixture.NODE_ID);
    ExceptionPayload payload = ExceptionPayload.from(sent.getFirst().data());
    assertThat(payload.msg()).isEqualTo("java.lang.IllegalStateException: task blew up");
    assertThat(payload.traceback())
        .startsWith("java.lang.IllegalStateException: task blew up")
        .contains("at io.hatchery.worker.runtime.WorkerRunnerExceptionTest");
  }

  @Test
  void exceptionReportsAreCappedPerIntervalAndTheRestDropped() throws Exception {
    WorkerSettings defaults = WorkerSettings.defaults("127.0.0.1", 5557);
    WorkerSettings capped =
        new WorkerSettings(
            defaults.masterHost(),
            defaults.masterPort(),
            null,
            defaults.stopTimeout(),
            defaults.heartbeatInterval(),
            defaults.reportInterval(),
            defaults.connectTimeout(),
            defaults.connectRetries(),
            defaults.masterHeartbeatTimeout(),
            defaults.masterLostExitAfter(),
            3);
    RunnerFixture fixture = new RunnerFixture(capped).startRegistered();

    for (int i = 0; i < 50; i++) {
      fixture.bridge.userErrors.onUserError(new RuntimeException("error " + i));
    }
    fixture.pump();
    assertThat(fixture.sent(MessageType.EXCEPTION)).hasSize(3);

    for (int i = 0; i < 50; i++) {
      fixture.bridge.userErrors.onUserError(new RuntimeException("later " + i));
    }
    fixture.pump();
    assertThat(fixture.sent(MessageType.EXCEPTION)).isEmpty();

    fixture.advance(Duration.ofSeconds(3));
    List<Message> nextInterval = fixture.sent(MessageType.EXCEPTION);
    assertThat(nextInterval).hasSize(3);
    assertThat(ExceptionPayload.from(nextInterval.getFirst().data()).msg())
        .isEqualTo("java.lang.RuntimeException: later 0");
  }
}
