package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.ERRORS;
import static io.hatchery.protocol.payload.PayloadKeys.STATS;
import static io.hatchery.protocol.payload.PayloadKeys.STATS_TOTAL;
import static io.hatchery.protocol.payload.PayloadKeys.USER_CLASSES_COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.USER_COUNT;

import io.hatchery.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data of {@code stats} (W→M, every 3 seconds): request statistics since the previous report.
 *
 * <p>Only the top level is typed here. Entries stay raw str-keyed maps whose values keep the
 * decoded types ({@code response_times} keys arrive as Long or Double); shared-stats converts them.
 * Key order as Locust 2.12.1 sends it: {@code stats}, {@code stats_total}, {@code errors}, {@code
 * user_classes_count} (2.x; optional, a 2.x master logs an error without it), {@code user_count}
 * (mandatory for 0.x/1.x masters). Mirrors the {@code report_to_master} listeners in
 * locust/stats.py and locust/runners.py. Immutable at the top level; entry maps are copied.
 *
 * @param stats one entry map per (name, method) with activity since the last report
 * @param statsTotal the worker's aggregate entry map
 * @param errors error key (an opaque hash) to error entry map
 * @param userClassesCount running users per class, or {@code null} when the sender omitted it
 * @param userCount running users in total
 */
public record StatsPayload(
    List<Map<String, Object>> stats,
    Map<String, Object> statsTotal,
    Map<String, Map<String, Object>> errors,
    Map<String, Long> userClassesCount,
    long userCount) {

  public StatsPayload {
    stats = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(stats, "stats")));
    statsTotal = Payloads.frozen(Objects.requireNonNull(statsTotal, "statsTotal"));
    errors = Payloads.frozen(Objects.requireNonNull(errors, "errors"));
    userClassesCount = userClassesCount == null ? null : Payloads.frozen(userClassesCount);
  }

  /** Parses stats data; {@code user_classes_count} is optional, the rest mandatory. */
  public static StatsPayload from(Object data) throws ProtocolException {
    Map<?, ?> map = Payloads.map(data, "stats data");
    Object classes = map.get(USER_CLASSES_COUNT);
    return new StatsPayload(
        entries(Payloads.required(map, STATS, "stats")),
        Payloads.stringKeyed(Payloads.required(map, STATS_TOTAL, "stats"), "stats_total"),
        errors(Payloads.required(map, ERRORS, "stats")),
        classes == null ? null : Payloads.counts(classes, "stats user_classes_count"),
        Payloads.integer(Payloads.required(map, USER_COUNT, "stats"), "stats user_count"));
  }

  private static List<Map<String, Object>> entries(Object value) throws ProtocolException {
    if (!(value instanceof List<?> list)) {
      throw new ProtocolException("stats must be a list, got " + Payloads.typeOf(value));
    }
    List<Map<String, Object>> entries = new ArrayList<>(list.size());
    for (Object entry : list) {
      entries.add(Payloads.stringKeyed(entry, "a stats entry"));
    }
    return entries;
  }

  private static Map<String, Map<String, Object>> errors(Object value) throws ProtocolException {
    Map<?, ?> map = Payloads.map(value, "errors");
    Map<String, Map<String, Object>> errors = LinkedHashMap.newLinkedHashMap(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = Payloads.string(entry.getKey(), "an errors key");
      errors.put(key, Payloads.stringKeyed(entry.getValue(), "errors['" + key + "']"));
    }
    return errors;
  }

  /** Returns the data map in Locust's key order; user_classes_count left out when null. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(8);
    map.put(STATS, stats);
    map.put(STATS_TOTAL, statsTotal);
    map.put(ERRORS, errors);
    if (userClassesCount != null) {
      map.put(USER_CLASSES_COUNT, userClassesCount);
    }
    map.put(USER_COUNT, userCount);
    return map;
  }

  /** Returns {@link #toMap()}. */
  public Object toData() {
    return toMap();
  }
}
