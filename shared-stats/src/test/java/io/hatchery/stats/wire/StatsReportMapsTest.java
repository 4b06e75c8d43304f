package io.hatchery.stats.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.ManualClock;
import io.hatchery.stats.StatsError;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.StatsReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatsReportMapsTest {

  private static final double NOW = 1_700_000_100.0;

  @Test
  void roundTripsAWorkerReport() throws Exception {
    ManualClock clock = ManualClock.atEpochSeconds(1_700_000_000.0);
    StatsRecorder recorder = new StatsRecorder(clock);
    recorder.record("/a", "GET", 10, 1);
    recorder.recordFailure("/b", "POST", 20, 2, ErrorTexts.ofException("ValueError", "bad"));
    StatsReport report = recorder.snapshot();

    Map<String, Object> data = StatsReportMaps.toMap(report);
    data.put("user_classes_count", Map.of("U", 1L));

    assertThat(data.keySet())
        .containsExactly("stats", "stats_total", "errors", "user_classes_count");
    StatsReport decoded = StatsReportMaps.fromMap(data, NOW);
    assertThat(decoded.stats()).hasSize(2);
    assertThat(decoded.errors()).isEqualTo(report.errors());
    assertThat(decoded.total().numRequests()).isEqualTo(2);
    assertThat(decoded.total().histogram().totalCount()).isEqualTo(2);
  }

  @Test
  void errorsAreEncodedWithLocustsFourKeys() {
    StatsError error = new StatsError("/b", "POST", "'refused'", 3);
    assertThat(StatsErrorMaps.toMap(error))
        .containsExactly(
            Map.entry("name", "/b"),
            Map.entry("method", "POST"),
            Map.entry("error", "'refused'"),
            Map.entry("occurrences", 3L));
  }

  @Test
  void legacySpellingAndNewerKeysAreTolerated() throws Exception {
    Map<String, Object> legacy = new LinkedHashMap<>();
    legacy.put("name", "/b");
    legacy.put("method", "GET");
    legacy.put("error", "boom");
    legacy.put("occurences", 4L);
    assertThat(StatsErrorMaps.fromMap(legacy).occurrences()).isEqualTo(4);

    Map<String, Object> newer = new LinkedHashMap<>(legacy);
    newer.put("occurrences", 5L);
    newer.put("first_seen", 1_700_000_000.5);
    newer.put("last_seen", 1_700_000_001.5);
    assertThat(StatsErrorMaps.fromMap(newer)).isEqualTo(new StatsError("/b", "GET", "boom", 5));
  }

  @Test
  void oneMalformedEntryRejectsTheWholeReport() {
    Map<String, Object> data = new LinkedHashMap<>();
    List<Object> stats = new ArrayList<>();
    stats.add(StatsEntryMapsTest.entry(1));
    Map<String, Object> bad = StatsEntryMapsTest.entry(1);
    bad.put("num_requests", "lots");
    stats.add(bad);
    data.put("stats", stats);
    data.put("stats_total", StatsEntryMapsTest.entry(2));
    data.put("errors", Map.of());
    assertThatThrownBy(() -> StatsReportMaps.fromMap(data, NOW))
        .isInstanceOf(MalformedStatsException.class)
        .hasMessageContaining("num_requests");
  }

  @Test
  void missingPartsAreRejectedButMissingErrorsAreNone() throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("stats", List.of());
    assertThatThrownBy(() -> StatsReportMaps.fromMap(data, NOW))
        .hasMessageContaining("stats_total");
    data.put("stats_total", StatsEntryMapsTest.entry(0));
    assertThat(StatsReportMaps.fromMap(data, NOW).errors()).isEmpty();
    data.put("errors", Map.of(1L, Map.of()));
    assertThatThrownBy(() -> StatsReportMaps.fromMap(data, NOW)).hasMessageContaining("error key");
    assertThatThrownBy(() -> StatsReportMaps.fromMap(Map.of("stats", "x"), NOW))
        .hasMessageContaining("'stats' must be an array");
  }
}
