package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.payload.StatsPayload;
import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.wire.StatsEntryMaps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerStatsTest {

  @Test
  void statsGoOutEveryThreeSecondsAfterAck() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.sent();

    fixture.advanceInSteps(Duration.ofSeconds(2));
    assertThat(fixture.sent(MessageType.STATS)).isEmpty();
    fixture.advance(Duration.ofSeconds(1));
    assertThat(fixture.sent(MessageType.STATS)).hasSize(1);
    fixture.advanceInSteps(Duration.ofSeconds(9));
    assertThat(fixture.sent(MessageType.STATS)).hasSize(3);
  }

  @Test
  void idleStatsHaveLocustsTopLevelKeysInOrder() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();

    fixture.advance(Duration.ofSeconds(3));
    Message stats = fixture.sent(MessageType.STATS).getFirst();

    assertThat(WorkerRunnerHeartbeatTest.keys(stats))
        .containsExactly(
            PayloadKeys.STATS,
            PayloadKeys.STATS_TOTAL,
            PayloadKeys.ERRORS,
            PayloadKeys.USER_CLASSES_COUNT,
            PayloadKeys.USER_COUNT,
            "custom_report_key");
    StatsPayload payload = StatsPayload.from(stats.data());
    assertThat(payload.stats()).isEmpty();
    assertThat(payload.errors()).isEmpty();
    assertThat(payload.userCount()).isZero();
    assertThat(payload.statsTotal().get(StatsEntryMaps.MIN_RESPONSE_TIME)).isNull();
  }

  @Test
  void statsCarryRecordedRequestsErrorsAndUserCounts() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("MyUser", 3L);
    counts.put("OtherUser", 0L);
    fixture.spawn(counts);
    fixture.bridge.stats.record("/items", "GET", 12.7, 512);
    fixture.bridge.stats.record("/items", "GET", 150.0, 512);
    fixture.bridge.stats.recordFailure(
        "/fail", "POST", 3.0, 0, ErrorTexts.ofException("HTTPError", "503 Server Error"));

    fixture.advance(Duration.ofSeconds(3));
    StatsPayload payload = StatsPayload.from(fixture.sent(MessageType.STATS).getFirst().data());

    assertThat(payload.userClassesCount())
        .containsExactly(Map.entry("MyUser", 3L), Map.entry("OtherUser", 0L));
    assertThat(payload.userCount()).isEqualTo(3);
    assertThat(payload.statsTotal().get(StatsEntryMaps.NUM_REQUESTS)).isEqualTo(3L);
    assertThat(payload.statsTotal().get(StatsEntryMaps.NUM_FAILURES)).isEqualTo(1L);
    assertThat(payload.errors()).hasSize(1);
    Map<String, Object> items =
        payload.stats().stream()
            .filter(e -> e.get(StatsEntryMaps.NAME).equals("/items"))
            .findFirst()
            .orElseThrow();
    // The 14 keys of a 2.12.1 entry plus Hatchery's histogram extension.
    assertThat(items).hasSize(15).containsKey(StatsEntryMaps.HDR_HISTOGRAM);
    assertThat(items.get(StatsEntryMaps.NUM_REQUESTS)).isEqualTo(2L);
    assertThat(items.get(StatsEntryMaps.RESPONSE_TIMES)).isEqualTo(Map.of(13L, 1L, 150L, 1L));
  }

  @Test
  void eachRequestIsReportedOnce() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 1L));
    fixture.bridge.stats.record("/a", "GET", 1.0, 1);

    fixture.advance(Duration.ofSeconds(3));
    fixture.bridge.stats.record("/a", "GET", 1.0, 1);
    fixture.advance(Duration.ofSeconds(3));
    fixture.advance(Duration.ofSeconds(3));

    List<Object> totals = new ArrayList<>();
    for (Message stats : fixture.sent(MessageType.STATS)) {
      totals.add(StatsPayload.from(stats.data()).statsTotal().get(StatsEntryMaps.NUM_REQUESTS));
    }
    assertThat(totals).containsExactly(1L, 1L, 0L);
  }
}
