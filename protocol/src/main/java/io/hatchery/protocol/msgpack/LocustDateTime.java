package io.hatchery.protocol.msgpack;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Locust's msgpack encoding of a naive {@code datetime}: the map {@code {"__datetime__": true,
 * "as_str": "20240131T13:45:00.123456"}}.
 *
 * <p>Mirrors the {@code default}/{@code object_hook} pair added to {@code locust/rpc/protocol.py}
 * in Locust 2.20.0 (commit 9f8364af), which formats with {@code %Y%m%dT%H:%M:%S.%f}. Python
 * datetimes carry microseconds, so nanoseconds below a microsecond are dropped on encoding.
 * Stateless and thread-safe.
 */
public final class LocustDateTime {
  static final String MARKER_KEY = "__datetime__";
  static final String TEXT_KEY = "as_str";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HH:mm:ss.SSSSSS")
          .withResolverStyle(ResolverStyle.STRICT);

  private LocustDateTime() {}

  /** Returns the two-entry map Locust 2.20+ sends for {@code dateTime}, marker key first. */
  public static Map<Object, Object> toMap(LocalDateTime dateTime) {
    Map<Object, Object> map = new LinkedHashMap<>(4);
    map.put(MARKER_KEY, Boolean.TRUE);
    map.put(TEXT_KEY, FORMAT.format(dateTime.with(ChronoField.NANO_OF_SECOND, microsOf(dateTime))));
    return map;
  }

  /**
   * Returns the date-time that {@code map} encodes, or {@code null} when it is not exactly a
   * well-formed Locust datetime map (two entries, marker {@code true}, parseable text), in which
   * case the caller keeps the plain map.
   */
  public static LocalDateTime fromMap(Map<?, ?> map) {
    if (map.size() != 2
        || !Boolean.TRUE.equals(map.get(MARKER_KEY))
        || !(map.get(TEXT_KEY) instanceof String text)) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, FORMAT);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long microsOf(LocalDateTime dateTime) {
    return dateTime.getNano() / 1_000 * 1_000L;
  }
}
