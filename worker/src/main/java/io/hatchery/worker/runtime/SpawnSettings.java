package io.hatchery.worker.runtime;

import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.payload.SpawnPayload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@code spawn} tells the worker besides its targets, read leniently. Stateless. */
final class SpawnSettings {
  private SpawnSettings() {}

  /**
   * The stop timeout for the users of this run: the spawn's {@code stop_timeout}, else the {@code
   * stop_timeout} among the master's {@code parsed_options}, else {@code fallback} (the worker's
   * own {@code --stop-timeout}). Locust 2.12.1 sets {@code environment.stop_timeout} from the
   * first.
   */
  static Duration stopTimeout(SpawnPayload spawn, Duration fallback) {
    if (spawn.stopTimeoutSeconds() != null) {
      return spawn.stopTimeout();
    }
    if (spawn.parsedOptions().get(PayloadKeys.STOP_TIMEOUT) instanceof Number seconds
        && seconds.doubleValue() >= 0) {
      return Duration.ofNanos(Math.round(seconds.doubleValue() * 1e9));
    }
    return fallback;
  }

  /** The per-class targets as the pool takes them; negative counts read as 0. */
  static Map<String, Integer> targets(SpawnPayload spawn) {
    Map<String, Integer> targets = new LinkedHashMap<>();
    spawn
        .userClassesCount()
        .forEach(
            (name, count) ->
                targets.put(name, (int) Math.max(0, Math.min(Integer.MAX_VALUE, count))));
    return targets;
  }
}
