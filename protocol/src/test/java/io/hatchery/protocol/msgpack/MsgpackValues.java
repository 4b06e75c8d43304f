package io.hatchery.protocol.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.ProtocolException;
import java.util.HexFormat;

/**
 * Test shorthands: encode one value, decode one value, hex in and out. The hex helpers serve the
 * codec tests in {@code io.hatchery.protocol} too.
 */
public final class MsgpackValues {
  private MsgpackValues() {}

  static byte[] encode(Object value) {
    return new MsgpackWriter().writeValue(value).toByteArray();
  }

  static Object decode(byte[] bytes) throws ProtocolException {
    MsgpackReader reader = new MsgpackReader(bytes, DecodeLimits.DEFAULT);
    Object value = reader.readValue(0);
    assertThat(reader.remainingBytes()).as("bytes left after one value").isZero();
    return value;
  }

  /** The bytes of {@code spaced}, hex digits with optional spaces between bytes. */
  public static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  /** {@code bytes} as lower-case hex digits without spaces. */
  public static String hexOf(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
