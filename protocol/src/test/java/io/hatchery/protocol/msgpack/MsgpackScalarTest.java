package io.hatchery.protocol.msgpack;

import static io.hatchery.protocol.msgpack.MsgpackValues.decode;
import static io.hatchery.protocol.msgpack.MsgpackValues.encode;
import static io.hatchery.protocol.msgpack.MsgpackValues.hex;
import static io.hatchery.protocol.msgpack.MsgpackValues.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nil, bool, floats, str widths, bin and ext map to Java as COMMON.md specifies. */
@Timeout(10)
class MsgpackScalarTest {

  @Test
  void nilAndBooleans() throws ProtocolException {
    assertThat(hexOf(encode(null))).isEqualTo("c0");
    assertThat(hexOf(encode(true))).isEqualTo("c3");
    assertThat(hexOf(encode(false))).isEqualTo("c2");
    assertThat(decode(hex("c0"))).isNull();
    assertThat(decode(hex("c3"))).isEqualTo(Boolean.TRUE);
    assertThat(decode(hex("c2"))).isEqualTo(Boolean.FALSE);
  }

  @Test
  void doubleIsAlwaysFloat64() throws ProtocolException {
    assertThat(hexOf(encode(1.5))).isEqualTo("cb3ff8000000000000");
    assertThat(hexOf(encode(1.5f))).isEqualTo("cb3ff8000000000000");
    assertThat(decode(hex("cb3ff8000000000000"))).isEqualTo(1.5);
  }

  @Test
  void epochSecondsTimestampSurvivesExactly() throws ProtocolException {
    double timestamp = 1_700_000_000.123456;

    assertThat(decode(encode(timestamp))).isEqualTo(timestamp);
  }

  @Test
  void float32InputDecodesToDoubleWithoutNarrowing() throws ProtocolException {
    assertThat(decode(hex("ca3fc00000"))).isInstanceOf(Double.class).isEqualTo(1.5);
    assertThat(decode(hex("ca3dcccccd"))).isEqualTo((double) 0.1f);
  }

  @ParameterizedTest
  @CsvSource({
    "0, a0",
    "31, bf",
    "32, d920",
    "255, d9ff",
    "256, da0100",
    "65535, daffff",
    "65536, db00010000",
  })
  void strHeaderWidthFollowsUtf8Length(int length, String expectedHeader) throws ProtocolException {
    String text = "x".repeat(length);

    byte[] wire = encode(text);

    assertThat(hexOf(wire)).startsWith(expectedHeader);
    assertThat(wire).hasSize(expectedHeader.length() / 2 + length);
    assertThat(decode(wire)).isEqualTo(text);
  }

  @Test
  void legacyStr16ForShortStringsDecodesAsBoomerSendsThem() throws ProtocolException {
    // Boomer and msgpack 0.6 never use str8: 32..65535-byte strings arrive as str16.
    String text = "y".repeat(40);
    byte[] wire = hex("da0028" + hexOf(text.getBytes(StandardCharsets.US_ASCII)));

    assertThat(decode(wire)).isEqualTo(text);
  }

  @Test
  void unicodeCountsUtf8Bytes() throws ProtocolException {
    assertThat(hexOf(encode("ü"))).isEqualTo("a2c3bc");
    assertThat(hexOf(encode("\uD83D\uDE80"))).isEqualTo("a4f09f9a80");
    String name = "/käse?q=日本語&r=\uD83D\uDE80";
    assertThat(decode(encode(name))).isEqualTo(name);
  }

  @Test
  void unpairedSurrogateIsAProgrammingError() {
    assertThatThrownBy(() -> encode("a\uD800b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidUtf8IsRejected() {
    assertThatThrownBy(() -> decode(hex("a2c328")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not valid UTF-8");
    // CESU-style encoded surrogate: Python's strict UTF-8 refuses it too.
    assertThatThrownBy(() -> decode(hex("a3eda080")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void binRoundTripsAsByteArray() throws ProtocolException {
    assertThat(hexOf(encode(new byte[] {1, 2, 3}))).isEqualTo("c403010203");
    assertThat(decode(hex("c403010203"))).isEqualTo(new byte[] {1, 2, 3});
    assertThat(hexOf(encode(new byte[256]))).startsWith("c50100");
    assertThat(decode(hex("c400"))).isEqualTo(new byte[0]);
  }

  @Test
  void extRoundTripsAsMsgpackExtension() throws ProtocolException {
    MsgpackExtension fixext1 = new MsgpackExtension((byte) 5, new byte[] {0x2a});
    MsgpackExtension ext8 = new MsgpackExtension((byte) -3, new byte[] {1, 2, 3});

    assertThat(hexOf(encode(fixext1))).isEqualTo("d4052a");
    assertThat(hexOf(encode(ext8))).isEqualTo("c703fd010203");
    assertThat(decode(hex("d4052a"))).isEqualTo(fixext1);
    assertThat(decode(hex("c703fd010203"))).isEqualTo(ext8);
  }

  @Test
  void msgpackTimestampExtStaysRaw() throws ProtocolException {
    assertThat(decode(hex("d6ff00000001")))
        .isEqualTo(new MsgpackExtension((byte) -1, new byte[] {0, 0, 0, 1}));
  }

  @Test
  void unsupportedJavaTypeIsAProgrammingError() {
    assertThatThrownBy(() -> encode(new AtomicLong(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AtomicLong");
  }
}
