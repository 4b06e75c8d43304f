package io.hatchery.stats.wire;

import static io.hatchery.stats.wire.WireValues.count;
import static io.hatchery.stats.wire.WireValues.malformed;
import static io.hatchery.stats.wire.WireValues.string;
import static io.hatchery.stats.wire.WireValues.stringOrNull;

import io.hatchery.stats.StatsError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link StatsError} &harr; Locust's {@code StatsErrorDict} map {@code {name, method, error,
 * occurrences}} (2.12.1 key order). Decoding also accepts the pre-0.12 spelling {@code occurences}
 * (Locust4j 1.0.8 sends both; {@code occurrences} wins) and ignores 2.44's {@code first_seen} and
 * {@code last_seen} like any unknown key.
 *
 * <p>Thread-safety: stateless.
 */
public final class StatsErrorMaps {

  public static final String NAME = "name";
  public static final String METHOD = "method";
  public static final String ERROR = "error";
  public static final String OCCURRENCES = "occurrences";

  /** The misspelling used before Locust 0.12.0 and by old Locust4j/Boomer releases. */
  public static final String OCCURENCES_LEGACY = "occurences";

  private StatsErrorMaps() {}

  /** Returns the wire map of {@code error}. */
  public static Map<String, Object> toMap(StatsError error) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(NAME, error.name());
    map.put(METHOD, error.method());
    map.put(ERROR, error.error());
    map.put(OCCURRENCES, error.occurrences());
    return map;
  }

  /**
   * Decodes a peer's error map.
   *
   * @throws MalformedStatsException if a required key is missing or has the wrong type
   */
  public static StatsError fromMap(Object value) throws MalformedStatsException {
    if (!(value instanceof Map<?, ?> map)) {
      throw malformed("error entry", value, "a map");
    }
    String occurrencesKey = map.containsKey(OCCURRENCES) ? OCCURRENCES : OCCURENCES_LEGACY;
    if (!map.containsKey(NAME) || !map.containsKey(ERROR) || !map.containsKey(occurrencesKey)) {
      throw new MalformedStatsException(
          "error entry lacks 'name', 'error' or 'occurrences': " + map.keySet());
    }
    return new StatsError(
        string(map.get(NAME), NAME),
        stringOrNull(map.get(METHOD), METHOD),
        string(map.get(ERROR), ERROR),
        count(map.get(occurrencesKey), occurrencesKey));
  }
}
