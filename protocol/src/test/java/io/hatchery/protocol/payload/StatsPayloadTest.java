package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.Wire.bytesOf;
import static io.hatchery.protocol.payload.Wire.map;
import static io.hatchery.protocol.payload.Wire.overTheWire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stats top level is typed; entries stay raw maps with their decoded value types. */
@Timeout(10)
class StatsPayloadTest {
  private static Map<Object, Object> entry(String name) {
    return map(
        "name",
        name,
        "method",
        "GET",
        "last_request_timestamp",
        1_700_000_002.5,
        "start_time",
        1_700_000_000.0,
        "num_requests",
        9L,
        "num_none_requests",
        0L,
        "num_failures",
        1L,
        "total_response_time",
        1234.5,
        "max_response_time",
        3400.0,
        "min_response_time",
        5L,
        "total_content_length",
        900L,
        "response_times",
        map(160.0, 2L, 12L, 2L, 5L, 4L, 3400.0, 1L),
        "num_reqs_per_sec",
        map(1_700_000_001L, 4L, 1_700_000_002L, 5L),
        "num_fail_per_sec",
        map(1_700_000_002L, 1L));
  }

  private static Map<Object, Object> busyReport() {
    return map(
        "stats", List.of(entry("/a"), entry("/ü")),
        "stats_total", entry("Aggregated"),
        "errors",
            map(
                "5f54408d",
                map("name", "/a", "method", "GET", "error", "'boom'", "occurrences", 1L)),
        "user_classes_count", map("MyUser", 3L),
        "user_count", 3L);
  }

  @Test
  void busyReportParsesAndReencodesByteForByte() throws ProtocolException {
    Map<Object, Object> data = busyReport();

    StatsPayload payload = StatsPayload.from(overTheWire(data));

    assertThat(payload.stats()).hasSize(2);
    assertThat(payload.stats().get(1)).containsEntry("name", "/ü");
    assertThat(
            List.<Object>copyOf(
                ((Map<?, ?>) payload.stats().get(0).get("response_times")).keySet()))
        .containsExactly(160.0, 12L, 5L, 3400.0);
    assertThat(payload.errors().get("5f54408d")).containsEntry("occurrences", 1L);
    assertThat(payload.userClassesCount()).containsEntry("MyUser", 3L);
    assertThat(payload.userCount()).isEqualTo(3);
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void idleReportWithoutUserClassesCountIsTolerated() throws ProtocolException {
    // Locust 0.x/1.x workers and Locust4j 2.0.0 omit user_classes_count.
    Map<Object, Object> data =
        map("stats", List.of(), "stats_total", entry("Total"), "errors", map(), "user_count", 0L);

    StatsPayload payload = StatsPayload.from(data);

    assertThat(payload.userClassesCount()).isNull();
    assertThat(payload.toMap().keySet())
        .containsExactly("stats", "stats_total", "errors", "user_count");
  }

  @Test
  void malformedReportsAreRejectedWithTheOffendingKey() {
    Map<Object, Object> noUserCount = busyReport();
    noUserCount.remove("user_count");
    Map<Object, Object> statsNotList = busyReport();
    statsNotList.put("stats", map());
    Map<Object, Object> entryNotMap = busyReport();
    entryNotMap.put("stats", List.of(1L));
    Map<Object, Object> errorNotMap = busyReport();
    errorNotMap.put("errors", map("k", "v"));

    assertThatThrownBy(() -> StatsPayload.from(noUserCount))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'user_count'");
    assertThatThrownBy(() -> StatsPayload.from(statsNotList))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("stats must be a list");
    assertThatThrownBy(() -> StatsPayload.from(entryNotMap))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("a stats entry must be a map");
    assertThatThrownBy(() -> StatsPayload.from(errorNotMap))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("errors['k'] must be a map");
  }

  @Test
  void payloadIsImmutableAtTheTopLevel() throws ProtocolException {
    StatsPayload payload = StatsPayload.from(busyReport());

    assertThatThrownBy(() -> payload.stats().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> payload.errors().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
