package io.hatchery.stats.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.stats.EntryReport;
import io.hatchery.stats.LongCounts;
import io.hatchery.stats.ManualClock;
import io.hatchery.stats.StatsRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatsEntryMapsTest {

  private static final double NOW = 1_700_000_100.5;

  @Test
  void encodesLocustsFourteenKeysInOrderThenTheHistogram() {
    ManualClock clock = ManualClock.atEpochSeconds(1_700_000_000.0);
    StatsRecorder recorder = new StatsRecorder(clock);
    clock.advanceMillis(1_250);
    recorder.record("/a", "GET", 145.0, 10);
    recorder.record("/a", "GET", 12.5, 20);
    clock.advanceMillis(1_000);
    EntryReport report = recorder.snapshot().stats().get(0);

    Map<String, Object> map = StatsEntryMaps.toMap(report);

    assertThat(map.keySet())
        .containsExactly(
            "name",
            "method",
            "last_request_timestamp",
            "start_time",
            "num_requests",
            "num_none_requests",
            "num_failures",
            "total_response_time",
            "max_response_time",
            "min_response_time",
            "total_content_length",
            "response_times",
            "num_reqs_per_sec",
            "num_fail_per_sec",
            "hdr_histogram");
    assertThat(map.get("last_request_timestamp")).isEqualTo(1_700_000_001.25);
    assertThat(map.get("start_time")).as("created on first use").isEqualTo(1_700_000_001.25);
    assertThat(map.get("num_requests")).isEqualTo(2L);
    assertThat(map.get("total_response_time")).isEqualTo(157.5);
    assertThat(map.get("max_response_time")).isEqualTo(145.0);
    assertThat(map.get("min_response_time")).isEqualTo(12.5);
    assertThat(map.get("total_content_length")).isEqualTo(30L);
    assertThat(map.get("response_times")).isEqualTo(Map.of(12L, 1L, 140L, 1L));
    assertThat(map.get("num_reqs_per_sec")).isEqualTo(Map.of(1_700_000_001L, 2L));
    assertThat(map.get("num_fail_per_sec")).isEqualTo(Map.of());
    assertThat(map.get("hdr_histogram")).isInstanceOf(byte[].class);
  }

  @Test
  void emptyTotalHasNilMinimumAndLastAndNoHistogram() {
    ManualClock clock = ManualClock.atEpochSeconds(1_700_000_000.0);
    Map<String, Object> total = StatsEntryMaps.toMap(new StatsRecorder(clock).snapshot().total());
    assertThat(total).containsEntry("min_response_time", null);
    assertThat(total).containsEntry("last_request_timestamp", null);
    assertThat(total).containsEntry("max_response_time", 0.0);
    assertThat(total).containsEntry("name", "Aggregated").containsEntry("method", "");
    assertThat(total).doesNotContainKey("hdr_histogram");
  }

  @Test
  void decodesWhatItEncodes() throws Exception {
    ManualClock clock = ManualClock.atEpochSeconds(1_700_000_000.0);
    StatsRecorder recorder = new StatsRecorder(clock);
    recorder.record("/a", "GET", 3.25, 10);
    recorder.recordFailure("/a", "GET", 4_321.0, 0, "'e'");
    EntryReport report = recorder.snapshot().stats().get(0);

    EntryReport decoded = StatsEntryMaps.fromMap(StatsEntryMaps.toMap(report), NOW);

    assertThat(decoded)
        .usingRecursiveComparison()
        .withEqualsForType(LongCounts::equals, LongCounts.class)
        .ignoringFields("histogram")
        .isEqualTo(report);
    assertThat(decoded.histogram()).isEqualTo(report.histogram());
  }

  @Test
  void intAndFloatKeysMergeAndNonIntegralKeysRoundHalfEven() throws Exception {
    Map<Object, Object> times = new LinkedHashMap<>();
    times.put(150L, 2L);
    times.put(150.0, 3L);
    times.put(5.5, 1L); // Locust 0.x kept unrounded keys below 100 ms
    times.put(4.5, 1L);
    times.put(3400.0, 1L);
    Map<Object, Object> perSecond = new LinkedHashMap<>();
    perSecond.put(1_700_000_000L, 4L);
    perSecond.put(1_700_000_000.0, 4L);
    Map<String, Object> map = entry(8);
    map.put("response_times", times);
    map.put("num_reqs_per_sec", perSecond);

    EntryReport report = StatsEntryMaps.fromMap(map, NOW);

    assertThat(report.responseTimes()).isEqualTo(counts(150, 5, 6, 1, 4, 1, 3400, 1));
    assertThat(report.numReqsPerSec()).isEqualTo(counts(1_700_000_000L, 8));
  }

  @Test
  void zeroMinimumWithoutRequestsMeansNoData() throws Exception {
    Map<String, Object> boomer = entry(0);
    boomer.put("min_response_time", 0L);
    assertThat(StatsEntryMaps.fromMap(boomer, NOW).minResponseTimeMillis()).isNull();

    Map<String, Object> busy = entry(3);
    busy.put("min_response_time", 0L);
    assertThat(StatsEntryMaps.fromMap(busy, NOW).minResponseTimeMillis()).isEqualTo(0.0);
  }

  @Test
  void integerSecondTimestampsAreAccepted() throws Exception {
    Map<String, Object> map = entry(1);
    map.put("last_request_timestamp", 1_700_000_003L);
    map.put("start_time", 1_700_000_000L);
    EntryReport report = StatsEntryMaps.fromMap(map, NOW);
    assertThat(report.lastRequestEpochSeconds()).isEqualTo(1_700_000_003.0);
    assertThat(report.startEpochSeconds()).isEqualTo(1_700_000_000.0);
  }

  @Test
  void missingKeysKeepDefaultsAndUnknownKeysAreIgnored() throws Exception {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("name", "/x");
    map.put("method", null);
    map.put("first_seen", "whatever");
    map.put(7L, List.of());

    EntryReport report = StatsEntryMaps.fromMap(map, NOW);

    assertThat(report.method()).isNull();
    assertThat(report.startEpochSeconds()).isEqualTo(NOW);
    assertThat(report.lastRequestEpochSeconds()).isNull();
    assertThat(report.minResponseTimeMillis()).isNull();
    assertThat(report.numRequests()).isZero();
    assertThat(report.responseTimes().isEmpty()).isTrue();
  }

  @Test
  void malformedEntriesAreRejectedWithTheOffendingKey() {
    assertRejected(Map.of("method", "GET"), "name");
    assertRejected(
        with("num_requests", "3"), "'num_requests' must be a non-negative integer count");
    assertRejected(with("num_requests", -1L), "'num_requests'");
    assertRejected(with("num_failures", 1.5), "'num_failures'");
    assertRejected(with("start_time", null), "'start_time' must be a finite number");
    assertRejected(with("max_response_time", Double.NaN), "'max_response_time'");
    assertRejected(with("min_response_time", true), "'min_response_time'");
    assertRejected(with("response_times", List.of(1L)), "'response_times' must be a map");
    assertRejected(
        with("response_times", Map.of("12", 1L)), "'response_times' must be a numeric map key");
    assertRejected(with("num_reqs_per_sec", Map.of(1L, "x")), "'num_reqs_per_sec'");
    assertRejected(with("name", 5L), "'name' must be a string");
    assertRejected(with("num_none_requests", 9L), "'num_none_requests' 9 exceeds");
    assertThatThrownBy(() -> StatsEntryMaps.fromMap(List.of(), NOW))
        .isInstanceOf(MalformedStatsException.class);
  }

  @Test
  void aHistogramThatIsNotBytesIsIgnored() throws Exception {
    Map<String, Object> map = entry(1);
    map.put("hdr_histogram", "not bytes");
    assertThat(StatsEntryMaps.fromMap(map, NOW).histogram()).isNull();
  }

  private static void assertRejected(Map<?, ?> map, String message) {
    assertThatThrownBy(() -> StatsEntryMaps.fromMap(map, NOW))
        .isInstanceOf(MalformedStatsException.class)
        .hasMessageContaining(message);
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> map = entry(2);
    map.put(key, value);
    return map;
  }

  static Map<String, Object> entry(long numRequests) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", "/a");
    map.put("method", "GET");
    map.put("last_request_timestamp", numRequests > 0 ? 1_700_000_002.5 : null);
    map.put("start_time", 1_700_000_000.0);
    map.put("num_requests", numRequests);
    map.put("num_none_requests", 0L);
    map.put("num_failures", 0L);
    map.put("total_response_time", 10.0 * numRequests);
    map.put("max_response_time", numRequests > 0 ? 10.0 : 0L);
    map.put("min_response_time", numRequests > 0 ? 10.0 : null);
    map.put("total_content_length", 0L);
    map.put("response_times", numRequests > 0 ? Map.of(10L, numRequests) : Map.of());
    map.put("num_reqs_per_sec", numRequests > 0 ? Map.of(1_700_000_002L, numRequests) : Map.of());
    map.put("num_fail_per_sec", Map.of());
    return map;
  }

  static LongCounts counts(long... keyCountPairs) {
    LongCounts counts = new LongCounts();
    for (int i = 0; i < keyCountPairs.length; i += 2) {
      counts.add(keyCountPairs[i], keyCountPairs[i + 1]);
    }
    return counts;
  }
}
