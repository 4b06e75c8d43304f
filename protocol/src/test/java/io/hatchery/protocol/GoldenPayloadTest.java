package io.hatchery.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.golden.GoldenVector;
import io.hatchery.protocol.golden.GoldenVectors;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden vector's data parses into the typed payload of its message type, and the payload
 * gives back the same data: byte for byte for frames Python Locust wrote. (Decoding against the
 * JSON twins is {@code golden.GoldenVectorTest}'s job.)
 */
@Timeout(30)
class GoldenPayloadTest {

  static Stream<GoldenVector> vectors() {
    return GoldenVectors.all();
  }

  @Test
  void goldenVectorsArePresent() {
    assertThat(vectors())
        .extracting(GoldenVector::toString)
        .contains("2.12.1/w2m-client_ready", "2.12.1/m2w-spawn-ramp1", "2.12.1/w2m-stats-running");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void dataParsesIntoItsTypedPayload(GoldenVector vector) throws ProtocolException {
    Message message = MessageCodec.decode(vector.frame());
    Object typed = typedData(message, vector.direction().equals("m2w"));

    if (vector.writtenByPythonLocust()) {
      assertThat(MessageCodec.encode(new Message(message.type(), typed, message.nodeId())))
          .as("typed payload re-encodes to the recorded bytes")
          .isEqualTo(vector.frame());
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
