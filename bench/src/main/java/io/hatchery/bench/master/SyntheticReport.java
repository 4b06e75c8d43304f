package io.hatchery.bench.master;

import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one simulated worker's {@code stats} report in Python Locust 2.12.1's shape
 * (performance.md §3.6): {@code entries} endpoints, each with {@code buckets} response-time buckets
 * (int keys below 100 ms, float keys from 100 ms, as Python sends them), requests spread over the
 * last three epoch seconds, plus {@code stats_total}, empty {@code errors}, {@code
 * user_classes_count} and {@code user_count}. Every bucket holds {@link #REQUESTS_PER_BUCKET}
 * requests, so a report carries exactly {@link #requests()} requests.
 *
 * <p>Immutable once built; {@link #data()} may be encoded from any thread.
 */
final class SyntheticReport {
  static final int REQUESTS_PER_BUCKET = 2;
  static final String USER_CLASS = "MyUser";

  private final Map<String, Object> data;
  private final long requests;

  private SyntheticReport(Map<String, Object> data, long requests) {
    this.data = data;
    this.requests = requests;
  }

  /** Builds a report whose requests happened in the three seconds up to {@code nowEpochSeconds}. */
  static SyntheticReport of(int entries, int buckets, long nowEpochSeconds) {
    List<Object> stats = new ArrayList<>(entries);
    for (int e = 0; e < entries; e++) {
      stats.add(entry("/endpoint/" + e, "GET", buckets, 1, nowEpochSeconds));
    }
    long perEntry = (long) buckets * REQUESTS_PER_BUCKET;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(StatsReportMaps.STATS, stats);
    data.put(
        StatsReportMaps.STATS_TOTAL, entry("Aggregated", "", buckets, entries, nowEpochSeconds));
    data.put(StatsReportMaps.ERRORS, Map.of());
    data.put(PayloadKeys.USER_CLASSES_COUNT, Map.of(USER_CLASS, 1L));
    data.put(PayloadKeys.USER_COUNT, 1L);
    return new SyntheticReport(data, perEntry * entries);
  }

  /** The {@code stats} message data. */
  Map<String, Object> data() {
    return data;
  }

  /** Requests this report adds to the master's total. */
  long requests() {
    return requests;
  }

  private static Map<String, Object> entry(
      String name, String method, int buckets, int multiplier, long nowEpochSeconds) {
    Map<Object, Object> responseTimes = new LinkedHashMap<>();
    double totalResponseTime = 0;
    for (int b = 0; b < buckets; b++) {
      long count = (long) REQUESTS_PER_BUCKET * multiplier;
      if (b < 40) {
        responseTimes.put((long) (b + 1), count);
        totalResponseTime += (b + 1) * count;
      } else {
        double key = 100.0 + (b - 40) * 10;
        responseTimes.put(key, count);
        totalResponseTime += key * count;
      }
    }
    long requests = (long) buckets * REQUESTS_PER_BUCKET * multiplier;
    Map<Object, Object> perSecond = new LinkedHashMap<>();
    perSecond.put(nowEpochSeconds - 2, requests / 3);
    perSecond.put(nowEpochSeconds - 1, requests / 3);
    perSecond.put(nowEpochSeconds, requests - 2 * (requests / 3));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put(StatsEntryMaps.NAME, name);
    entry.put(StatsEntryMaps.METHOD, method);
    entry.put(StatsEntryMaps.LAST_REQUEST_TIMESTAMP, nowEpochSeconds + 0.5);
    entry.put(StatsEntryMaps.START_TIME, nowEpochSeconds - 2.5);
    entry.put(StatsEntryMaps.NUM_REQUESTS, requests);
    entry.put(StatsEntryMaps.NUM_NONE_REQUESTS, 0L);
    entry.put(StatsEntryMaps.NUM_FAILURES, 0L);
    entry.put(StatsEntryMaps.TOTAL_RESPONSE_TIME, totalResponseTime);
    entry.put(
        StatsEntryMaps.MAX_RESPONSE_TIME,
        buckets > 40 ? 100.0 + (buckets - 41) * 10 : (double) buckets);
    entry.put(StatsEntryMaps.MIN_RESPONSE_TIME, 1L);
    entry.put(StatsEntryMaps.TOTAL_CONTENT_LENGTH, requests * 612);
    entry.put(StatsEntryMaps.RESPONSE_TIMES, responseTimes);
    entry.put(StatsEntryMaps.NUM_REQS_PER_SEC, perSecond);
    entry.put(StatsEntryMaps.NUM_FAIL_PER_SEC, Map.of());
    return entry;
  }
}
