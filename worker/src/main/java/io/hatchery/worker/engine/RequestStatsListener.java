package io.hatchery.worker.engine;

import io.hatchery.RequestEvent;
import io.hatchery.http.RequestException;
import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.StatsRecorder;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Records every request event into the worker's {@link StatsRecorder} (Locust's {@code on_request}
 * in {@code setup_distributed_stats_event_listeners}): a success with {@code record}, a failure
 * with {@code recordFailure} under the error's wire text {@code SimpleClassName('message')}.
 * Installed on every environment the engine runs. Thread-safe.
 */
public final class RequestStatsListener implements Consumer<RequestEvent> {

  private final StatsRecorder stats;

  /** Records into {@code stats}. */
  public RequestStatsListener(StatsRecorder stats) {
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  @Override
  public void accept(RequestEvent event) {
    if (event.exception() == null) {
      stats.record(
          event.name(),
          event.requestType(),
          event.responseTimeMillis(),
          event.responseLengthBytes());
    } else {
      stats.recordFailure(
          event.name(),
          event.requestType(),
          event.responseTimeMillis(),
          event.responseLengthBytes(),
          errorText(event.exception()));
    }
  }

  /**
   * The wire text of {@code error}: an HTTP failure's own Locust text ({@link
   * RequestException#errorText()}), else {@code SimpleClassName('message')} or {@code Name()}.
   */
  public static String errorText(Throwable error) {
    if (error instanceof RequestException http) {
      return http.errorText();
    }
    return ErrorTexts.ofException(error.getClass().getSimpleName(), error.getMessage());
  }
}
