package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.HOST;
import static io.hatchery.protocol.payload.PayloadKeys.PARSED_OPTIONS;
import static io.hatchery.protocol.payload.PayloadKeys.STOP_TIMEOUT;
import static io.hatchery.protocol.payload.PayloadKeys.TIMESTAMP;
import static io.hatchery.protocol.payload.PayloadKeys.USER_CLASSES_COUNT;

import io.hatchery.protocol.ProtocolException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data of a Locust 2.x {@code spawn} (M→W): the absolute number of users per class this worker
 * should run now. (The 1.x rate-based spawn is {@link HatchPayload}.)
 *
 * <p>Locust 2.12.1 sends five keys in this order, all mandatory for Python workers (a missing one
 * kills the worker loop): {@code timestamp}, {@code user_classes_count}, {@code host}, {@code
 * stop_timeout}, {@code parsed_options}. {@link #toMap()} always emits all five; {@link #from}
 * requires only the first two ({@code parsed_options} arrived in 2.2). Mirrors {@code
 * MasterRunner._send_spawn} and {@code WorkerRunner}'s spawn handler. Immutable.
 *
 * @param timestampEpochSeconds master clock when sent; workers drop non-increasing ones
 * @param userClassesCount user class name to absolute target count, in the master's order
 * @param host target host, or {@code null}
 * @param stopTimeoutSeconds Long or Double seconds as sent, or {@code null} (meaning 0)
 * @param parsedOptions the master's command-line options by argparse name
 */
public record SpawnPayload(
    double timestampEpochSeconds,
    Map<String, Long> userClassesCount,
    String host,
    Number stopTimeoutSeconds,
    Map<String, Object> parsedOptions) {

  public SpawnPayload {
    userClassesCount = Payloads.frozen(Objects.requireNonNull(userClassesCount, "counts"));
    parsedOptions = Payloads.frozen(Objects.requireNonNull(parsedOptions, "parsedOptions"));
    if (stopTimeoutSeconds != null
        && !(stopTimeoutSeconds instanceof Long || stopTimeoutSeconds instanceof Double)) {
      throw new IllegalArgumentException("stopTimeoutSeconds must be Long or Double");
    }
  }

  /** Returns whether {@code data} is a 2.x spawn (it names per-class counts). */
  public static boolean matches(Object data) {
    return data instanceof Map<?, ?> map && map.containsKey(USER_CLASSES_COUNT);
  }

  /** Parses spawn data; timestamp may be an int or float, the rest as described above. */
  public static SpawnPayload from(Object data) throws ProtocolException {
    Map<?, ?> map = Payloads.map(data, "spawn data");
    Object options = map.get(PARSED_OPTIONS);
    return new SpawnPayload(
        Payloads.number(Payloads.required(map, TIMESTAMP, "spawn"), "spawn timestamp"),
        Payloads.counts(
            Payloads.required(map, USER_CLASSES_COUNT, "spawn"), "spawn user_classes_count"),
        Payloads.nullableString(map.get(HOST), "spawn host"),
        Payloads.nullableNumber(map.get(STOP_TIMEOUT), "spawn stop_timeout"),
        options == null ? Map.of() : Payloads.stringKeyed(options, "spawn parsed_options"));
  }

  /** Returns the stop timeout, zero when nil (Locust 2.13+ treats nil as 0). */
  public Duration stopTimeout() {
    if (stopTimeoutSeconds == null) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(stopTimeoutSeconds.doubleValue() * 1e9));
  }

  /** Returns the total of {@link #userClassesCount()}. */
  public long userCount() {
    return userClassesCount.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns the five keys in Locust's order; the timestamp always as a float. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(8);
    map.put(TIMESTAMP, timestampEpochSeconds);
    map.put(USER_CLASSES_COUNT, userClassesCount);
    map.put(HOST, host);
    map.put(STOP_TIMEOUT, stopTimeoutSeconds);
    map.put(PARSED_OPTIONS, parsedOptions);
    return map;
  }

  /** Returns {@link #toMap()}. */
  public Object toData() {
    return toMap();
  }
}
