package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.HATCH_RATE;
import static io.hatchery.protocol.payload.PayloadKeys.HOST;
import static io.hatchery.protocol.payload.PayloadKeys.NUM_CLIENTS;
import static io.hatchery.protocol.payload.PayloadKeys.NUM_USERS;
import static io.hatchery.protocol.payload.PayloadKeys.SPAWN_RATE;
import static io.hatchery.protocol.payload.PayloadKeys.STOP_TIMEOUT;
import static io.hatchery.protocol.payload.PayloadKeys.USER_CLASSES_COUNT;

import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data of the pre-2.0 start message ({@code hatch} up to 1.1, {@code spawn} in 1.2–1.6): a user
 * count and a per-second rate for this worker, which then ramps up by itself.
 *
 * <p>The key names depend on the {@link Dialect}; the order is always rate, count, {@code host},
 * {@code stop_timeout}, as the 0.x and 1.x masters build it. The rate is always encoded as a float
 * (Boomer v1.6.0 asserts a float64 and panics on an int). Mirrors {@code MasterRunner.start}/{@code
 * start_hatching} of Locust 0.9–1.6. Immutable.
 *
 * @param dialect which generation's names to use
 * @param spawnRatePerSecond users to start per second on this worker
 * @param userCount users to run on this worker
 * @param host target host, or {@code null}
 * @param stopTimeoutSeconds Long or Double seconds as sent, or {@code null}
 */
public record HatchPayload(
    Dialect dialect,
    double spawnRatePerSecond,
    long userCount,
    String host,
    Number stopTimeoutSeconds) {

  /** The three namings of the legacy start message. */
  public enum Dialect {
    /** Locust 0.x: {@code hatch {"hatch_rate", "num_clients", ...}}. */
    LOCUST_0(MessageType.HATCH, HATCH_RATE, NUM_CLIENTS),
    /** Locust 1.0–1.1: {@code hatch {"hatch_rate", "num_users", ...}}. */
    LOCUST_1_0(MessageType.HATCH, HATCH_RATE, NUM_USERS),
    /** Locust 1.2–1.6: {@code spawn {"spawn_rate", "num_users", ...}}. */
    LOCUST_1_2(MessageType.SPAWN, SPAWN_RATE, NUM_USERS);

    private final String messageType;
    private final String rateKey;
    private final String countKey;

    Dialect(String messageType, String rateKey, String countKey) {
      this.messageType = messageType;
      this.rateKey = rateKey;
      this.countKey = countKey;
    }

    /** Returns the message type this dialect sends the payload under. */
    public String messageType() {
      return messageType;
    }
  }

  public HatchPayload {
    Objects.requireNonNull(dialect, "dialect");
    if (stopTimeoutSeconds != null
        && !(stopTimeoutSeconds instanceof Long || stopTimeoutSeconds instanceof Double)) {
      throw new IllegalArgumentException("stopTimeoutSeconds must be Long or Double");
    }
  }

  /** Returns whether {@code data} is a legacy start payload rather than a 2.x spawn. */
  public static boolean matches(Object data) {
    return data instanceof Map<?, ?> map
        && !map.containsKey(USER_CLASSES_COUNT)
        && (map.containsKey(NUM_USERS) || map.containsKey(NUM_CLIENTS));
  }

  /** Parses any dialect, recognised by its key names; rate and count may be int or float. */
  public static HatchPayload from(Object data) throws ProtocolException {
    Map<?, ?> map = Payloads.map(data, "hatch data");
    Dialect dialect;
    if (map.containsKey(NUM_CLIENTS)) {
      dialect = Dialect.LOCUST_0;
    } else if (map.containsKey(SPAWN_RATE)) {
      dialect = Dialect.LOCUST_1_2;
    } else {
      dialect = Dialect.LOCUST_1_0;
    }
    return new HatchPayload(
        dialect,
        Payloads.number(Payloads.required(map, dialect.rateKey, "hatch"), dialect.rateKey),
        Payloads.integer(Payloads.required(map, dialect.countKey, "hatch"), dialect.countKey),
        Payloads.nullableString(map.get(HOST), "hatch host"),
        Payloads.nullableNumber(map.get(STOP_TIMEOUT), "hatch stop_timeout"));
  }

  /** Returns the four keys with this dialect's names; the rate always a Double. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(8);
    map.put(dialect.rateKey, spawnRatePerSecond);
    map.put(dialect.countKey, userCount);
    map.put(HOST, host);
    map.put(STOP_TIMEOUT, stopTimeoutSeconds);
    return map;
  }

  /** Returns {@link #toMap()}. */
  public Object toData() {
    return toMap();
  }
}
