package io.hatchery.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.ClientReadyPayload.Kind;
import io.hatchery.protocol.payload.CustomMessage;
import io.hatchery.protocol.payload.ExceptionPayload;
import io.hatchery.protocol.payload.HatchPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.StatsPayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden frame's data parses into the typed payload of its message type, and the payload
 * gives back the same data: byte for byte for frames Python Locust wrote. (Decoding against the
 * JSON twins is {@code golden.GoldenVectorTest}'s job.)
 */
@Timeout(30)
class GoldenPayloadTest {

  /**
   * Vectors whose data our payloads reject on purpose, with the key the message names. A {@code
   * {"state"}}-only heartbeat (Locust 0.10–0.13) kills every master since 0.14.
   */
  private static final Map<String, String> REJECTED =
      Map.of("g1/w2m-heartbeat-0.10.msgpack", "'current_cpu_usage'");

  static List<GoldenFrames.Frame> frames() {
    return GoldenFrames.all();
  }

  @Test
  void goldenVectorsArePresent() {
    assertThat(frames())
        .extracting(GoldenFrames.Frame::name)
        .contains(
            "2.12.1/w2m-client_ready.msgpack",
            "2.12.1/m2w-spawn-ramp1.msgpack",
            "2.12.1/w2m-stats-running.msgpack");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void dataParsesIntoItsTypedPayload(GoldenFrames.Frame frame) throws ProtocolException {
    Message message = MessageCodec.decode(frame.bytes());
    if (REJECTED.containsKey(frame.name())) {
      assertThatThrownBy(() -> typedData(message, frame.masterToWorker()))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining(REJECTED.get(frame.name()));
      return;
    }

    Object typed = typedData(message, frame.masterToWorker());

    if (frame.writtenByPythonLocust()) {
      assertThat(MessageCodec.encode(new Message(message.type(), typed, message.nodeId())))
          .as("typed payload re-encodes to the recorded bytes")
          .isEqualTo(frame.bytes());
    } else {
      assertThat(typed).as("typed payload's data").isEqualTo(message.data());
    }
  }

  /** Parses the data as its message type requires and returns the payload's own encoding. */
  private static Object typedData(Message message, boolean masterToWorker)
      throws ProtocolException {
    Object data = message.data();
    return switch (message.type()) {
      case MessageType.CLIENT_READY -> {
        ClientReadyPayload payload = ClientReadyPayload.from(data);
        assertThat(payload.kind()).as("client_ready %s", data).isNotEqualTo(Kind.ODD);
        yield payload.toData();
      }
      case MessageType.ACK -> AckPayload.from(data).toData();
      case MessageType.HEARTBEAT ->
          masterToWorker ? nil(data) : HeartbeatPayload.from(data).toData();
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
          nil(data);
      default -> CustomMessage.from(message).data();
    };
  }

  private static Object nil(Object data) {
    assertThat(data).as("nil data").isNull();
    return null;
  }
}
