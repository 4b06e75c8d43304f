package io.hatchery.protocol.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.CustomMessage;
import io.hatchery.protocol.payload.ExceptionPayload;
import io.hatchery.protocol.payload.HatchPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.NilPayload;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.StatsPayload;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The typed payload records accept the data of the golden vectors: real Locust 2.12.1 data comes
 * back from {@code toData()} unchanged (key order and number types included); the hand-built
 * dialects parse, and what the record gives back is a subset of what was sent with equal values
 * (their key order is arbitrary, e.g. Go map order in Boomer, and records may drop keys that 2.x
 * ignores, such as the 1.x heartbeat's {@code count}).
 */
@Timeout(30)
class GoldenPayloadTest {

  /**
   * Locust 0.10–0.13 heartbeats carry only {@code state}; like Locust 0.14+ and 2.x masters (which
   * fail with a KeyError, protocol.md §3.4 and §8.3 item 29) our parser refuses them.
   */
  private static final String HEARTBEAT_WITHOUT_CPU = "w2m-heartbeat-0.10";

  static Stream<GoldenVector> recordedVectors() {
    return GoldenVectors.load(GoldenVectors.RECORDED_2_12_1).stream();
  }

  static Stream<GoldenVector> handBuiltVectors() {
    return GoldenVectors.all()
        .filter(vector -> !vector.folder().equals(GoldenVectors.RECORDED_2_12_1))
        .filter(vector -> !vector.name().equals(HEARTBEAT_WITHOUT_CPU));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedVectors")
  void recordedDataComesBackUnchangedFromItsPayloadRecord(GoldenVector vector)
      throws ProtocolException {
    Message message = MessageCodec.decode(vector.frame());

    Object data = parseAndRebuild(message);

    assertThat(ExactValues.of(data)).isEqualTo(ExactValues.of(message.data()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handBuiltVectors")
  void handBuiltDialectDataParsesWithoutChangingAnyValue(GoldenVector vector)
      throws ProtocolException {
    Message message = MessageCodec.decode(vector.frame());

    Object rebuilt = parseAndRebuild(message);

    if (message.data() instanceof Map<?, ?> sent) {
      assertThat(rebuilt).isInstanceOf(Map.class);
      ((Map<?, ?>) rebuilt)
          .forEach(
              (key, value) ->
                  assertThat(ExactValues.of(value))
                      .as("value of %s", key)
                      .isEqualTo(ExactValues.of(sent.get(key))));
      assertThat(List.<Object>copyOf(sent.keySet()))
          .containsAll(List.<Object>copyOf(((Map<?, ?>) rebuilt).keySet()));
    } else {
      assertThat(ExactValues.of(rebuilt)).isEqualTo(ExactValues.of(message.data()));
    }
  }

  @Test
  void heartbeatWithoutCpuUsageIsRefused() throws ProtocolException {
    GoldenVector vector =
        GoldenVectors.load("g1").stream()
            .filter(v -> v.name().equals(HEARTBEAT_WITHOUT_CPU))
            .findFirst()
            .orElseThrow();
    Message message = MessageCodec.decode(vector.frame());

    assertThatThrownBy(() -> HeartbeatPayload.from(message.data()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("current_cpu_usage");
  }

  /** Parses {@code message.data()} with the record for its type and returns the record's data. */
  private static Object parseAndRebuild(Message message) throws ProtocolException {
    Object data = message.data();
    return switch (message.type()) {
      case MessageType.CLIENT_READY -> ClientReadyPayload.from(data).toData();
      case MessageType.ACK -> AckPayload.from(data).toData();
      case MessageType.HEARTBEAT -> HeartbeatPayload.from(data).toData();
      case MessageType.SPAWN ->
          SpawnPayload.matches(data)
              ? SpawnPayload.from(data).toData()
              : HatchPayload.from(data).toData();
      case MessageType.HATCH -> HatchPayload.from(data).toData();
      case MessageType.SPAWNING_COMPLETE, MessageType.HATCH_COMPLETE ->
          SpawningCompletePayload.from(data).toData();
      case MessageType.STATS -> StatsPayload.from(data).toData();
      case MessageType.EXCEPTION -> ExceptionPayload.from(data).toData();
      case MessageType.SPAWNING,
          MessageType.HATCHING,
          MessageType.STOP,
          MessageType.CLIENT_STOPPED,
          MessageType.QUIT,
          MessageType.RECONNECT ->
          NilPayload.from(data).toData();
      default -> CustomMessage.from(message).toMessage(message.nodeId()).data();
    };
  }
}
