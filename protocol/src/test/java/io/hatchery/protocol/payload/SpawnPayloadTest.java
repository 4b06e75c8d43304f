package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.Wire.bytesOf;
import static io.hatchery.protocol.payload.Wire.map;
import static io.hatchery.protocol.payload.Wire.overTheWire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 2.x spawn: five keys in Locust's order, tolerant numbers, optional parsed_options. */
@Timeout(10)
class SpawnPayloadTest {
  private static Map<Object, Object> locust2121Spawn() {
    return map(
        "timestamp",
        1_700_000_000.25,
        "user_classes_count",
        map("MyUser", 2L, "Other", 0L),
        "host",
        null,
        "stop_timeout",
        null,
        "parsed_options",
        map("num_users", 3L, "spawn_rate", 2.0, "tags", null, "user_classes", List.of()));
  }

  @Test
  void parsesAndReencodesLocustsSpawnByteForByte() throws ProtocolException {
    Map<Object, Object> data = locust2121Spawn();

    SpawnPayload payload = SpawnPayload.from(overTheWire(data));

    assertThat(payload.timestampEpochSeconds()).isEqualTo(1_700_000_000.25);
    assertThat(payload.userClassesCount())
        .containsExactly(Map.entry("MyUser", 2L), Map.entry("Other", 0L));
    assertThat(payload.userCount()).isEqualTo(2);
    assertThat(payload.host()).isNull();
    assertThat(payload.stopTimeout()).isEqualTo(Duration.ZERO);
    assertThat(payload.parsedOptions()).containsKeys("num_users", "tags");
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void toMapEmitsAllFiveKeysInOrderWithFloatTimestamp() {
    SpawnPayload payload =
        new SpawnPayload(1_700_000_000.0, Map.of("A", 1L), "http://t", 5L, Map.of());

    assertThat(payload.toMap().keySet())
        .containsExactly(
            "timestamp", "user_classes_count", "host", "stop_timeout", "parsed_options");
    assertThat(payload.toMap().get("timestamp")).isInstanceOf(Double.class);
    assertThat(payload.stopTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void integerTimestampAndMissingOptionalKeysAreTolerated() throws ProtocolException {
    // Locust 2.0/2.1 masters send no parsed_options.
    SpawnPayload payload =
        SpawnPayload.from(map("timestamp", 1_700_000_000L, "user_classes_count", map("A", 3L)));

    assertThat(payload.timestampEpochSeconds()).isEqualTo(1.7e9);
    assertThat(payload.parsedOptions()).isEmpty();
    assertThat(payload.host()).isNull();
  }

  @Test
  void floatStopTimeoutKeepsItsType() throws ProtocolException {
    Map<Object, Object> data = locust2121Spawn();
    data.put("stop_timeout", 2.5);

    SpawnPayload payload = SpawnPayload.from(data);

    assertThat(payload.stopTimeoutSeconds()).isEqualTo(2.5);
    assertThat(payload.stopTimeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void missingMandatoryKeysAndWrongTypesAreRejected() {
    assertThatThrownBy(() -> SpawnPayload.from(map("user_classes_count", map())))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'timestamp'");
    assertThatThrownBy(() -> SpawnPayload.from(map("timestamp", 1.0)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'user_classes_count'");
    assertThatThrownBy(
            () -> SpawnPayload.from(map("timestamp", "now", "user_classes_count", map())))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("spawn timestamp must be a number");
    assertThatThrownBy(
            () -> SpawnPayload.from(map("timestamp", 1.0, "user_classes_count", map("A", 1.5))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("['A'] must be an int");
    assertThatThrownBy(
            () ->
                SpawnPayload.from(
                    map(
                        "timestamp",
                        1.0,
                        "user_classes_count",
                        map(),
                        "parsed_options",
                        map(1L, 2L))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("a key of spawn parsed_options must be a str");
    assertThatThrownBy(() -> SpawnPayload.from(null))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("spawn data must be a map, got nil");
  }

  @Test
  void matchesTellsPerClassSpawnFromLegacySpawn() {
    assertThat(SpawnPayload.matches(locust2121Spawn())).isTrue();
    assertThat(SpawnPayload.matches(map("spawn_rate", 1.0, "num_users", 3L))).isFalse();
    assertThat(SpawnPayload.matches(null)).isFalse();
  }
}
