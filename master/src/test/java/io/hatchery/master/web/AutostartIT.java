package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --autostart}, {@code --autoquit} and the full-history download over a real server. */
@Timeout(60)
class AutostartIT {

  private final FakeMasterControl control = new FakeMasterControl();

  @Test
  void autostartSwarmsAndAutoquitQuitsAfterTheRunStopped() throws Exception {
    WebSettings settings =
        WebSettings.of("127.0.0.1", 0)
            .withHistoryInterval(Duration.ofMillis(20))
            .withAutostart(Autostart.now(SwarmRequest.of(3, 1)), Optional.of(Duration.ZERO));
    try (WebServer server = WebServer.start(settings, control)) {
      await(() -> !control.starts().isEmpty());
      assertThat(control.starts().get(0).userCount()).isEqualTo(3);
      await(() -> server.history().points().size() >= 1);
      assertThat(control.quitCalled()).isFalse();
      control.setState(RunState.STOPPED);
      await(control::quitCalled);
    }
  }

  @Test
  void autostartWaitsForTheExpectedWorkersAndGivesUpAfterTheMaximumWait() throws Exception {
    // The fake master has one ready worker.
    WebSettings enough =
        WebSettings.of("127.0.0.1", 0)
            .withAutostart(
                new Autostart(SwarmRequest.of(3, 1), 1, Optional.empty()), Optional.empty());
    try (WebServer server = WebServer.start(enough, control)) {
      await(() -> !control.starts().isEmpty());
    }

    FakeMasterControl waiting = new FakeMasterControl();
    WebSettings tooFew =
        WebSettings.of("127.0.0.1", 0)
            .withAutostart(
                new Autostart(SwarmRequest.of(3, 1), 2, Optional.of(Duration.ofSeconds(1))),
                Optional.empty());
    try (WebServer server = WebServer.start(tooFew, waiting)) {
      await(waiting::quitCalled);
      assertThat(waiting.starts()).isEmpty();
    }
  }

  @Test
  void aHeadlessRunRecordsHistoryWithoutAWebServer() {
    ChartHistory history = new ChartHistory(ChartHistory.DEFAULT_CAPACITY);
    control.start(SwarmRequest.of(6, 1));
    HistorySampler sampler = HistorySampler.record(control, history, Duration.ofMillis(10));
    try {
      await(() -> history.points().size() >= 2);
    } finally {
      sampler.close();
    }
    assertThat(history.points().get(0).userCount()).isEqualTo(6);
  }

  @Test
  void servesTheFullHistoryCsvWhenConfigured(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("run_stats_history.csv"), "Timestamp,User Count\r\n");
    WebSettings settings = WebSettings.of("127.0.0.1", 0).withFullHistoryCsv(file);
    try (WebServer server = WebServer.start(settings, control)) {
      var response = new WebClient(server.uri()).get("/stats/requests_full_history/csv");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("Timestamp,User Count\r\n");
      assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment;filename=requests_full_history_");
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.onSpinWait();
    }
  }
}
