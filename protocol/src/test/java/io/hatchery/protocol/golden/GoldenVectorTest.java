package io.hatchery.protocol.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden vector decodes to exactly its twin (number types, map order, bytes), and re-encodes
 * byte-identically where a Python msgpack 1.0 encoder (or one writing the same bytes) produced it.
 */
@Timeout(30)
class GoldenVectorTest {

  static Stream<GoldenVector> allVectors() {
    return GoldenVectors.all();
  }

  static Stream<GoldenVector> pythonEncodedVectors() {
    return GoldenVectors.all()
        .filter(vector -> !GoldenVectors.FOREIGN_ENCODINGS.contains(vector.folder()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allVectors")
  void decodesToExactlyItsTwin(GoldenVector vector) throws ProtocolException {
    Message message = MessageCodec.decode(vector.frame());

    assertThat(ExactValues.of(envelope(message))).isEqualTo(ExactValues.of(vector.twin()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allVectors")
  void fileNameStatesDirectionAndDecodedType(GoldenVector vector) throws ProtocolException {
    Message message = MessageCodec.decode(vector.frame());

    assertThat(vector.direction()).isIn("m2w", "w2m");
    assertThat(message.type()).isEqualTo(vector.typeInFileName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pythonEncodedVectors")
  void reencodingTheDecodedMessageReproducesTheFrame(GoldenVector vector) throws ProtocolException {
    byte[] reencoded = MessageCodec.encode(MessageCodec.decode(vector.frame()));

    assertThat(hex(reencoded)).isEqualTo(hex(vector.frame()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pythonEncodedVectors")
  void encodingTheTwinReproducesTheFrame(GoldenVector vector) {
    byte[] encoded = MessageCodec.encode(vector.twinMessage());

    assertThat(hex(encoded)).isEqualTo(hex(vector.frame()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allVectors")
  void reencodedFrameDecodesToTheSameValue(GoldenVector vector) throws ProtocolException {
    byte[] reencoded = MessageCodec.encode(MessageCodec.decode(vector.frame()));

    Message again = MessageCodec.decode(reencoded);

    assertThat(ExactValues.of(envelope(again))).isEqualTo(ExactValues.of(vector.twin()));
  }

  private static List<Object> envelope(Message message) {
    return Arrays.asList(message.type(), message.data(), message.nodeId());
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
