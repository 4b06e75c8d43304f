package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.Wire.bytesOf;
import static io.hatchery.protocol.payload.Wire.map;
import static io.hatchery.protocol.payload.Wire.overTheWire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.HatchPayload.Dialect;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pre-2.0 start message in its three namings. */
@Timeout(10)
class HatchPayloadTest {

  @Test
  void locust0UsesHatchRateAndNumClients() throws ProtocolException {
    Map<Object, Object> data =
        map("hatch_rate", 2.5, "num_clients", 10L, "host", "http://t", "stop_timeout", null);

    HatchPayload payload = HatchPayload.from(overTheWire(data));

    assertThat(payload).isEqualTo(new HatchPayload(Dialect.LOCUST_0, 2.5, 10, "http://t", null));
    assertThat(payload.dialect().messageType()).isEqualTo(MessageType.HATCH);
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void locust10UsesHatchRateAndNumUsers() throws ProtocolException {
    Map<Object, Object> data =
        map("hatch_rate", 1.0, "num_users", 4L, "host", null, "stop_timeout", 3L);

    HatchPayload payload = HatchPayload.from(data);

    assertThat(payload.dialect()).isEqualTo(Dialect.LOCUST_1_0);
    assertThat(payload.dialect().messageType()).isEqualTo(MessageType.HATCH);
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void locust12UsesSpawnRateAndNumUsersUnderSpawn() throws ProtocolException {
    Map<Object, Object> data =
        map("spawn_rate", 0.5, "num_users", 1L, "host", null, "stop_timeout", null);

    HatchPayload payload = HatchPayload.from(data);

    assertThat(payload.dialect()).isEqualTo(Dialect.LOCUST_1_2);
    assertThat(payload.dialect().messageType()).isEqualTo(MessageType.SPAWN);
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void rateIsEncodedAsFloatEvenWhenWhole() throws ProtocolException {
    // Boomer v1.6.0 type-asserts float64 and panics on an int rate.
    HatchPayload payload = HatchPayload.from(map("spawn_rate", 3L, "num_users", 6L));

    assertThat(payload.toMap().get("spawn_rate")).isEqualTo(3.0);
    assertThat(payload.toMap().keySet())
        .containsExactly("spawn_rate", "num_users", "host", "stop_timeout");
  }

  @Test
  void missingCountOrRateIsRejected() {
    assertThatThrownBy(() -> HatchPayload.from(map("hatch_rate", 1.0)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'num_users'");
    assertThatThrownBy(() -> HatchPayload.from(map("num_clients", 1L)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'hatch_rate'");
  }

  @Test
  void matchesOnlyLegacyStartData() {
    assertThat(HatchPayload.matches(map("spawn_rate", 1.0, "num_users", 1L))).isTrue();
    assertThat(HatchPayload.matches(map("timestamp", 1.0, "user_classes_count", map()))).isFalse();
  }
}
