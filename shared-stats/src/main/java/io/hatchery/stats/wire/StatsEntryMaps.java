package io.hatchery.stats.wire;

import static io.hatchery.stats.wire.WireValues.count;
import static io.hatchery.stats.wire.WireValues.counts;
import static io.hatchery.stats.wire.WireValues.malformed;
import static io.hatchery.stats.wire.WireValues.number;
import static io.hatchery.stats.wire.WireValues.numberOrNull;
import static io.hatchery.stats.wire.WireValues.string;
import static io.hatchery.stats.wire.WireValues.stringOrNull;

import io.hatchery.stats.EntryReport;
import io.hatchery.stats.LongCounts;
import io.hatchery.stats.histogram.HistogramCodec;
import io.hatchery.stats.histogram.HistogramCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link EntryReport} &harr; Locust's {@code StatsEntryDict} map: the 14 keys in Locust 2.12.1's
 * order, plus {@link #HDR_HISTOGRAM} (bin) when the entry has an exact histogram. Python masters
 * copy only the 14 known keys ({@code StatsEntry.unserialize}) and ignore ours.
 *
 * <p>Encoding writes epoch seconds and response times as floats, counts and bucket/second keys as
 * ints, and nil for an absent minimum or last request time. Decoding requires {@code name} and
 * {@code method}, ignores unknown keys, keeps defaults for missing ones (counts 0, min and last
 * nil, start = the given now), validates every type, and normalises: int and float keys merge
 * ({@code 150 == 150.0}), integer-second timestamps are accepted, and a minimum of 0 without timed
 * requests (Boomer, Locust4j) means "no data". A bad {@link #HDR_HISTOGRAM} value is dropped, never
 * fatal.
 *
 * <p>Thread-safety: stateless.
 */
public final class StatsEntryMaps {

  public static final String NAME = "name";
  public static final String METHOD = "method";
  public static final String LAST_REQUEST_TIMESTAMP = "last_request_timestamp";
  public static final String START_TIME = "start_time";
  public static final String NUM_REQUESTS = "num_requests";
  public static final String NUM_NONE_REQUESTS = "num_none_requests";
  public static final String NUM_FAILURES = "num_failures";
  public static final String TOTAL_RESPONSE_TIME = "total_response_time";
  public static final String MAX_RESPONSE_TIME = "max_response_time";
  public static final String MIN_RESPONSE_TIME = "min_response_time";
  public static final String TOTAL_CONTENT_LENGTH = "total_content_length";
  public static final String RESPONSE_TIMES = "response_times";
  public static final String NUM_REQS_PER_SEC = "num_reqs_per_sec";
  public static final String NUM_FAIL_PER_SEC = "num_fail_per_sec";

  /** Our extra key: the interval histogram in {@link HistogramCodec}'s encoding (msgpack bin). */
  public static final String HDR_HISTOGRAM = "hdr_histogram";

  private StatsEntryMaps() {}

  /** Returns the wire map of {@code report}, keys in Locust's order. */
  public static Map<String, Object> toMap(EntryReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(NAME, report.name());
    map.put(METHOD, report.method());
    map.put(LAST_REQUEST_TIMESTAMP, report.lastRequestEpochSeconds());
    map.put(START_TIME, report.startEpochSeconds());
    map.put(NUM_REQUESTS, report.numRequests());
    map.put(NUM_NONE_REQUESTS, report.numNoneRequests());
    map.put(NUM_FAILURES, report.numFailures());
    map.put(TOTAL_RESPONSE_TIME, report.totalResponseTimeMillis());
    map.put(MAX_RESPONSE_TIME, report.maxResponseTimeMillis());
    map.put(MIN_RESPONSE_TIME, report.minResponseTimeMillis());
    map.put(TOTAL_CONTENT_LENGTH, report.totalContentLengthBytes());
    map.put(RESPONSE_TIMES, sortedMap(report.responseTimes()));
    map.put(NUM_REQS_PER_SEC, sortedMap(report.numReqsPerSec()));
    map.put(NUM_FAIL_PER_SEC, sortedMap(report.numFailPerSec()));
    HistogramCounts histogram = report.histogram();
    if (histogram != null && histogram.totalCount() > 0) {
      map.put(HDR_HISTOGRAM, HistogramCodec.encode(histogram));
    }
    return map;
  }

  /**
   * Decodes a peer's entry map.
   *
   * @param defaultStartEpochSeconds {@code start_time} when the key is missing (Locust: now)
   * @throws MalformedStatsException if the value is not a valid entry
   */
  public static EntryReport fromMap(Object value, double defaultStartEpochSeconds)
      throws MalformedStatsException {
    if (!(value instanceof Map<?, ?> map)) {
      throw malformed("stats entry", value, "a map");
    }
    if (!map.containsKey(NAME) || !map.containsKey(METHOD)) {
      throw new MalformedStatsException("stats entry lacks 'name' or 'method': " + map.keySet());
    }
    String name = string(map.get(NAME), NAME);
    String method = stringOrNull(map.get(METHOD), METHOD);
    Double last = numberOrNull(map.get(LAST_REQUEST_TIMESTAMP), LAST_REQUEST_TIMESTAMP);
    double start =
        map.containsKey(START_TIME)
            ? number(map.get(START_TIME), START_TIME)
            : defaultStartEpochSeconds;
    long numRequests = countOrZero(map, NUM_REQUESTS);
    long numNone = countOrZero(map, NUM_NONE_REQUESTS);
    long numFailures = countOrZero(map, NUM_FAILURES);
    double total = numberOrZero(map, TOTAL_RESPONSE_TIME);
    double max = numberOrZero(map, MAX_RESPONSE_TIME);
    Double min = numberOrNull(map.get(MIN_RESPONSE_TIME), MIN_RESPONSE_TIME);
    long contentLength = countOrZero(map, TOTAL_CONTENT_LENGTH);
    return entry(
        new EntryReport(
            name,
            method,
            last,
            start,
            numRequests,
            numNone,
            numFailures,
            total,
            max,
            min,
            contentLength,
            countsOrEmpty(map, RESPONSE_TIMES),
            countsOrEmpty(map, NUM_REQS_PER_SEC),
            countsOrEmpty(map, NUM_FAIL_PER_SEC),
            null),
        map.get(HDR_HISTOGRAM) instanceof byte[] bytes ? bytes : null);
  }

  /**
   * The last step of decoding an entry, shared by {@link #fromMap} and readers that decode entries
   * straight from a frame: checks the counts against each other, reads "no data" minimums as
   * absent, and attaches the decoded histogram. Returns {@code decoded} itself when none of that
   * changes it (a Locust entry with a minimum).
   *
   * @param decoded the entry's values as they were on the wire (its histogram is ignored)
   * @param histogramBytes the {@link #HDR_HISTOGRAM} bin, or null; a bad one is dropped
   * @throws MalformedStatsException if {@code num_none_requests} exceeds {@code num_requests}
   */
  public static EntryReport entry(EntryReport decoded, byte[] histogramBytes)
      throws MalformedStatsException {
    long numRequests = decoded.numRequests();
    long numNone = decoded.numNoneRequests();
    if (numNone > numRequests) {
      throw new MalformedStatsException(
          "'num_none_requests' " + numNone + " exceeds 'num_requests' " + numRequests);
    }
    Double min = decoded.minResponseTimeMillis();
    if (min != null && min == 0 && numRequests - numNone == 0) {
      min = null; // Boomer and Locust4j send 0 for "no data"; Locust would drag the minimum to 0
    }
    if (histogramBytes == null) {
      // min is either the decoded object itself or null, so identity says whether it changed.
      return min == decoded.minResponseTimeMillis()
          ? decoded
          : decoded.withMinimumAndHistogram(min, null);
    }
    HistogramCounts histogram =
        HistogramCodec.decode(histogramBytes, numRequests - numNone).orElse(null);
    return decoded.withMinimumAndHistogram(min, histogram);
  }

  /**
   * A float key of {@link #RESPONSE_TIMES}, {@link #NUM_REQS_PER_SEC} or {@link #NUM_FAIL_PER_SEC}
   * as {@link #fromMap} reads it: integral floats exactly ({@code 150.0 == 150}), others rounded
   * half to even.
   *
   * @throws MalformedStatsException if {@code key} is not finite or beyond the range of a long
   */
  public static long floatKey(double key, String mapName) throws MalformedStatsException {
    return WireValues.numericKey(key, mapName);
  }

  private static long countOrZero(Map<?, ?> map, String key) throws MalformedStatsException {
    return map.containsKey(key) ? count(map.get(key), key) : 0;
  }

  private static double numberOrZero(Map<?, ?> map, String key) throws MalformedStatsException {
    return map.containsKey(key) ? number(map.get(key), key) : 0;
  }

  private static LongCounts countsOrEmpty(Map<?, ?> map, String key)
      throws MalformedStatsException {
    return map.containsKey(key) ? counts(map.get(key), key) : new LongCounts();
  }

  private static Map<Long, Long> sortedMap(LongCounts counts) {
    Map<Long, Long> map = new LinkedHashMap<>();
    for (long key : counts.sortedKeys()) {
      map.put(key, counts.get(key));
    }
    return map;
  }
}
