package io.hatchery.it.boomer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Boomer's stats rules as the peer reproduces them (protocol.md §4.3, §7.1). */
class BoomerStatsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T03:00:00.750Z");
  private final BoomerStats stats = new BoomerStats(InstantSource.fixed(NOW));

  @Test
  void bucketsRoundHalfUpAbove100Millis() {
    assertThat(BoomerStats.bucket(99)).isEqualTo(99);
    assertThat(BoomerStats.bucket(144)).isEqualTo(140);
    assertThat(BoomerStats.bucket(145)).isEqualTo(150);
    assertThat(BoomerStats.bucket(155)).isEqualTo(160);
    assertThat(BoomerStats.bucket(1_550)).isEqualTo(1_600);
    assertThat(BoomerStats.bucket(12_499)).isEqualTo(12_000);
  }

  @Test
  void emptyTotalIsNamedTotalWithZeroMinimumAndIntegerSecondTimestamps() {
    Map<?, ?> total = (Map<?, ?>) stats.collectReportData().get(StatsReportMaps.STATS_TOTAL);

    assertThat(total.get(StatsEntryMaps.NAME)).isEqualTo("Total");
    assertThat(total.get(StatsEntryMaps.METHOD)).isEqualTo("");
    assertThat(total.get(StatsEntryMaps.MIN_RESPONSE_TIME)).isEqualTo(0L);
    assertThat(total.get(StatsEntryMaps.START_TIME)).isEqualTo(NOW.getEpochSecond());
    assertThat(total.get(StatsEntryMaps.LAST_REQUEST_TIMESTAMP)).isEqualTo(NOW.getEpochSecond());
  }

  @Test
  void failureIsNotCountedAsRequestAndErrorKeyIsMd5() {
    stats.logRequest("GET", "/hello", 12, 21);
    stats.logError("GET", "/fail", "HTTP 500");

    Map<String, Object> data = stats.collectReportData();

    Map<?, ?> total = (Map<?, ?>) data.get(StatsReportMaps.STATS_TOTAL);
    assertThat(total.get(StatsEntryMaps.NUM_REQUESTS)).isEqualTo(1L);
    assertThat(total.get(StatsEntryMaps.NUM_FAILURES)).isEqualTo(1L);
    assertThat((List<?>) data.get(StatsReportMaps.STATS)).hasSize(2);
    // md5("GET/failHTTP 500")
    assertThat(((Map<?, ?>) data.get(StatsReportMaps.ERRORS)).keySet())
        .isEqualTo(Set.of("a9b54dbbf6651354d7eb8665b9856047"));
  }
}
