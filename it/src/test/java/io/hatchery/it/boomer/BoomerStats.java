package io.hatchery.it.boomer;

import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsErrorMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request statistics kept and reported by Boomer's rules (protocol.md §4, §7.1), which differ from
 * Python Locust's: a failure counts as a failure only, never as a request; response times are whole
 * milliseconds, kept as is below 100 ms and rounded half-up to tens, hundreds or thousands above;
 * {@code start_time} and {@code last_request_timestamp} are integer epoch seconds (the latter is
 * "now" after a reset, never nil); the minimum is 0 when there is no data; {@code
 * num_none_requests} is always 0; the total is named {@code "Total"} with method {@code ""}; error
 * keys are the MD5 hex of method, name and error text.
 *
 * <p>Thread-safe: every method is synchronized (Boomer funnels everything through one goroutine).
 */
final class BoomerStats {
  private static final String TOTAL_NAME = "Total";

  private final InstantSource clock;
  private Entry total;
  private Map<String, Entry> entries = new HashMap<>();
  private Map<String, Error> errors = new HashMap<>();

  BoomerStats(InstantSource clock) {
    this.clock = clock;
    this.total = new Entry(TOTAL_NAME, "");
  }

  /** Boomer's {@code RecordSuccess}. */
  synchronized void logRequest(String method, String name, long responseTimeMillis, long bytes) {
    total.log(responseTimeMillis, bytes);
    entry(name, method).log(responseTimeMillis, bytes);
  }

  /** Boomer's {@code RecordFailure}: counted as a failure and an error, not as a request. */
  synchronized void logError(String method, String name, String error) {
    total.logError();
    entry(name, method).logError();
    errors.computeIfAbsent(md5Hex(method + name + error), k -> new Error(name, method, error))
        .occurrences++;
  }

  /** Zeroes everything, as Boomer does on the first spawn after ready or stopped. */
  synchronized void clearAll() {
    total = new Entry(TOTAL_NAME, "");
    entries = new HashMap<>();
    errors = new HashMap<>();
  }

  /**
   * Returns {@code stats}, {@code stats_total} and {@code errors} since the last call and resets
   * the reported entries and the errors. Entries without requests or failures are left out.
   */
  synchronized Map<String, Object> collectReportData() {
    List<Object> stats = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.numRequests != 0 || entry.numFailures != 0) {
        stats.add(entry.strippedReport());
      }
    }
    Map<String, Object> errorMaps = new HashMap<>();
    errors.forEach((key, error) -> errorMaps.put(key, error.toMap()));
    errors = new HashMap<>();
    Map<String, Object> data = new HashMap<>();
    data.put(StatsReportMaps.STATS, stats);
    data.put(StatsReportMaps.STATS_TOTAL, total.strippedReport());
    data.put(StatsReportMaps.ERRORS, errorMaps);
    return data;
  }

  private Entry entry(String name, String method) {
    return entries.computeIfAbsent(name + method, k -> new Entry(name, method));
  }

  private long nowEpochSeconds() {
    return clock.millis() / 1000;
  }

  /** Boomer's {@code round(value, .5, places)} for places -1, -2, -3: half-up. */
  static long bucket(long responseTimeMillis) {
    if (responseTimeMillis < 100) {
      return responseTimeMillis;
    }
    long unit = responseTimeMillis < 1_000 ? 10 : responseTimeMillis < 10_000 ? 100 : 1_000;
    long floor = responseTimeMillis / unit * unit;
    return responseTimeMillis - floor >= unit / 2 ? floor + unit : floor;
  }

  private static String md5Hex(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Entry {
    private final String name;
    private final String method;
    private long startTime;
    private long lastRequestTimestamp;
    private long numRequests;
    private long numFailures;
    private long totalResponseTime;
    private long minResponseTime;
    private long maxResponseTime;
    private long totalContentLength;
    private Map<Long, Long> responseTimes;
    private Map<Long, Long> numReqsPerSec;
    private Map<Long, Long> numFailPerSec;

    Entry(String name, String method) {
      this.name = name;
      this.method = method;
      reset();
    }

    void reset() {
      startTime = nowEpochSeconds();
      lastRequestTimestamp = startTime;
      numRequests = 0;
      numFailures = 0;
      totalResponseTime = 0;
      minResponseTime = 0;
      maxResponseTime = 0;
      totalContentLength = 0;
      responseTimes = new HashMap<>();
      numReqsPerSec = new HashMap<>();
      numFailPerSec = new HashMap<>();
    }

    void log(long responseTimeMillis, long bytes) {
      numRequests++;
      long now = nowEpochSeconds();
      numReqsPerSec.merge(now, 1L, Long::sum);
      lastRequestTimestamp = now;
      totalResponseTime += responseTimeMillis;
      // 0 doubles as "no minimum yet", exactly as in Boomer.
      if (minResponseTime == 0 || responseTimeMillis < minResponseTime) {
        minResponseTime = responseTimeMillis;
      }
      maxResponseTime = Math.max(maxResponseTime, responseTimeMillis);
      responseTimes.merge(bucket(responseTimeMillis), 1L, Long::sum);
      totalContentLength += bytes;
    }

    void logError() {
      numFailures++;
      numFailPerSec.merge(nowEpochSeconds(), 1L, Long::sum);
    }

    Map<String, Object> strippedReport() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put(StatsEntryMaps.NAME, name);
      map.put(StatsEntryMaps.METHOD, method);
      map.put(StatsEntryMaps.LAST_REQUEST_TIMESTAMP, lastRequestTimestamp);
      map.put(StatsEntryMaps.START_TIME, startTime);
      map.put(StatsEntryMaps.NUM_REQUESTS, numRequests);
      map.put(StatsEntryMaps.NUM_NONE_REQUESTS, 0L);
      map.put(StatsEntryMaps.NUM_FAILURES, numFailures);
      map.put(StatsEntryMaps.TOTAL_RESPONSE_TIME, totalResponseTime);
      map.put(StatsEntryMaps.MAX_RESPONSE_TIME, maxResponseTime);
      map.put(StatsEntryMaps.MIN_RESPONSE_TIME, minResponseTime);
      map.put(StatsEntryMaps.TOTAL_CONTENT_LENGTH, totalContentLength);
      map.put(StatsEntryMaps.RESPONSE_TIMES, responseTimes);
      map.put(StatsEntryMaps.NUM_REQS_PER_SEC, numReqsPerSec);
      map.put(StatsEntryMaps.NUM_FAIL_PER_SEC, numFailPerSec);
      reset();
      return map;
    }
  }

  private static final class Error {
    private final String name;
    private final String method;
    private final String error;
    private long occurrences;

    Error(String name, String method, String error) {
      this.name = name;
      this.method = method;
      this.error = error;
    }

    Map<String, Object> toMap() {
      Map<String, Object> map = new HashMap<>();
      map.put(StatsErrorMaps.METHOD, method);
      map.put(StatsErrorMaps.NAME, name);
      map.put(StatsErrorMaps.ERROR, error);
      map.put(StatsErrorMaps.OCCURRENCES, occurrences);
      return map;
    }
  }
}
