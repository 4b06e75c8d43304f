package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Environment;
import io.hatchery.RequestEvent;
import io.hatchery.stats.EntryReport;
import io.hatchery.stats.StatsError;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.StatsReport;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RequestStatsListenerTest {

  static class CatchResponseError extends Exception {
    CatchResponseError(String message) {
      super(message);
    }
  }

  @Test
  void requestEventsAreRecordedByTheEngine() {
    Environment environment = Environment.builder().build();
    StatsRecorder stats = new StatsRecorder(InstantSource.system());
    new ScenarioEngine(environment, UserClasses.of(List.of()), stats, InstantSource.system(), 1);

    var request = environment.events().request();
    request.fire(RequestEvent.of("GET", "/items", 12.7, 512, null, Map.of()));
    request.fire(RequestEvent.of("GET", "/items", 20.0, 100, null, Map.of()));
    request.fire(
        RequestEvent.of("GET", "/items", 3.5, 0, new CatchResponseError("bad body"), Map.of()));
    request.fire(RequestEvent.of("rpc", "add", 1.0, 8, new IOException(), Map.of()));

    StatsReport report = stats.snapshot();
    EntryReport items =
        report.stats().stream().filter(e -> e.name().equals("/items")).findFirst().orElseThrow();
    assertThat(items.method()).isEqualTo("GET");
    assertThat(items.numRequests()).isEqualTo(3);
    assertThat(items.numFailures()).isEqualTo(1);
    assertThat(items.totalResponseTimeMillis()).isEqualTo(36.2);
    assertThat(items.maxResponseTimeMillis()).isEqualTo(20.0);
    assertThat(items.minResponseTimeMillis()).isEqualTo(3.5);
    assertThat(items.totalContentLengthBytes()).isEqualTo(612);
    assertThat(report.total().numRequests()).isEqualTo(4);
    assertThat(report.errors().values())
        .extracting(StatsError::error)
        .containsExactlyInAnyOrder("CatchResponseError('bad body')", "IOException()");
  }

  @Test
  void errorTextIsThePythonReprOfTheException() {
    assertThat(RequestStatsListener.errorText(new IllegalStateException("it's")))
        .isEqualTo("IllegalStateException(\"it's\")");
  }
}
