package io.hatchery.bench.protocol;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small messages a Python Locust 2.12.1 worker sends most often, as the master's decode sees
 * them: the {@code stats} report of performance.md §4.5 (E entries plus {@code stats_total}, B
 * response-time buckets each, int keys below 100 ms and float keys from 100 ms, three per-second
 * keys, empty {@code num_fail_per_sec} and {@code errors}, {@code user_count}, {@code
 * user_classes_count}) and a running worker's heartbeat. The same shape as the master harness's
 * {@code SyntheticReport}, built here so the codec benchmark does not depend on the harness.
 */
final class PythonReports {
  static final long NOW_EPOCH_SECONDS = 1_700_000_000L;
  static final String NODE_ID = "worker-1_0123456789abcdef0123456789abcdef";

  private PythonReports() {}

  static Message stats(int entries, int buckets) {
    List<Object> stats = new ArrayList<>(entries);
    for (int e = 0; e < entries; e++) {
      stats.add(entry("/endpoint/" + e, "GET", buckets, 1));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(StatsReportMaps.STATS, stats);
    data.put(StatsReportMaps.STATS_TOTAL, entry("Aggregated", "", buckets, entries));
    data.put(StatsReportMaps.ERRORS, new LinkedHashMap<>());
    data.put(PayloadKeys.USER_CLASSES_COUNT, Map.of("MyUser", 1L));
    data.put(PayloadKeys.USER_COUNT, 1L);
    return new Message(MessageType.STATS, data, NODE_ID);
  }

  static Message heartbeat() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(PayloadKeys.STATE, "running");
    data.put(PayloadKeys.CURRENT_CPU_USAGE, 12.5);
    data.put("current_memory_usage", 123_456_789L);
    return new Message(MessageType.HEARTBEAT, data, NODE_ID);
  }

  private static Map<String, Object> entry(
      String name, String method, int buckets, int multiplier) {
    Map<Object, Object> responseTimes = new LinkedHashMap<>();
    double totalResponseTime = 0;
    long count = 2L * multiplier;
    for (int b = 0; b < buckets; b++) {
      Object key = b < 40 ? (Object) (long) (b + 1) : (Object) (100.0 + (b - 40) * 10);
      responseTimes.put(key, count);
      totalResponseTime += ((Number) key).doubleValue() * count;
    }
    long requests = buckets * count;
    Map<Object, Object> perSecond = new LinkedHashMap<>();
    perSecond.put(NOW_EPOCH_SECONDS - 2, requests / 3);
    perSecond.put(NOW_EPOCH_SECONDS - 1, requests / 3);
    perSecond.put(NOW_EPOCH_SECONDS, requests - 2 * (requests / 3));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(StatsEntryMaps.NAME, name);
    entry.put(StatsEntryMaps.METHOD, method);
    entry.put(StatsEntryMaps.LAST_REQUEST_TIMESTAMP, NOW_EPOCH_SECONDS + 0.5);
    entry.put(StatsEntryMaps.START_TIME, NOW_EPOCH_SECONDS - 2.5);
    entry.put(StatsEntryMaps.NUM_REQUESTS, requests);
    entry.put(StatsEntryMaps.NUM_NONE_REQUESTS, 0L);
    entry.put(StatsEntryMaps.NUM_FAILURES, 0L);
    entry.put(StatsEntryMaps.TOTAL_RESPONSE_TIME, totalResponseTime);
    entry.put(StatsEntryMaps.MAX_RESPONSE_TIME, 140.0);
    entry.put(StatsEntryMaps.MIN_RESPONSE_TIME, 1L);
    entry.put(StatsEntryMaps.TOTAL_CONTENT_LENGTH, requests * 612);
    entry.put(StatsEntryMaps.RESPONSE_TIMES, responseTimes);
    entry.put(StatsEntryMaps.NUM_REQS_PER_SEC, perSecond);
    entry.put(StatsEntryMaps.NUM_FAIL_PER_SEC, new LinkedHashMap<>());
    return entry;
  }
}
