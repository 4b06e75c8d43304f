package io.hatchery.protocol.transport;

import io.hatchery.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The 64-byte ZMTP 3.x greeting (RFC 23 / RFC 37): signature {@code FF 00*8 7F}, version, a 20-byte
 * mechanism name padded with NULs, the as-server flag and 31 bytes of filler.
 *
 * <p>Hatchery's master announces version 3.1 and the {@code NULL} mechanism, as libzmq 4.3 and
 * JeroMQ 0.6 do. It accepts peers of any 3.x version (Locust4j's JeroMQ 0.4 speaks 3.0) with the
 * {@code NULL} mechanism, which is what every Locust worker uses; older ZMTP generations and
 * security mechanisms are refused. Stateless and thread-safe.
 */
final class ZmtpGreeting {
  static final int BYTES = 64;

  /** {@code FF}, eight bytes of padding, {@code 7F}: what a ZMTP 3 peer sends before anything. */
  static final int SIGNATURE_BYTES = 10;

  private static final int VERSION_MAJOR_OFFSET = 10;
  private static final int MECHANISM_OFFSET = 12;
  private static final int MECHANISM_BYTES = 20;
  private static final byte[] NULL_MECHANISM = "NULL".getBytes(StandardCharsets.US_ASCII);

  private ZmtpGreeting() {}

  /** The greeting a ROUTER sends: version 3.1, mechanism NULL, not as-server. */
  static byte[] ours() {
    byte[] greeting = new byte[BYTES];
    greeting[0] = (byte) 0xFF;
    greeting[9] = 0x7F;
    greeting[VERSION_MAJOR_OFFSET] = 3;
    greeting[VERSION_MAJOR_OFFSET + 1] = 1;
    System.arraycopy(NULL_MECHANISM, 0, greeting, MECHANISM_OFFSET, NULL_MECHANISM.length);
    return greeting;
  }

  /**
   * Checks the signature at the start of a peer's greeting.
   *
   * @throws ProtocolException if it is not one
   */
  static void checkSignature(byte[] greeting) throws ProtocolException {
    if ((greeting[0] & 0xFF) != 0xFF || (greeting[9] & 0x01) == 0) {
      throw new ProtocolException("not a ZMTP greeting (bad signature)");
    }
  }

  /**
   * Checks a peer's major version, the byte after its signature.
   *
   * @throws ProtocolException if it is older than ZMTP 3
   */
  static void checkMajorVersion(byte[] greeting) throws ProtocolException {
    int major = greeting[VERSION_MAJOR_OFFSET] & 0xFF;
    if (major < 3) {
      throw new ProtocolException(
          "ZMTP " + major + ".x peer: only ZMTP 3 (libzmq 4, JeroMQ 0.4 and later) is supported");
    }
  }

  /**
   * Checks a peer's greeting.
   *
   * @throws ProtocolException if it is not a ZMTP 3.x greeting with the NULL mechanism
   */
  static void check(byte[] greeting) throws ProtocolException {
    checkSignature(greeting);
    checkMajorVersion(greeting);
    for (int i = 0; i < MECHANISM_BYTES; i++) {
      byte expected = i < NULL_MECHANISM.length ? NULL_MECHANISM[i] : 0;
      if (greeting[MECHANISM_OFFSET + i] != expected) {
        throw new ProtocolException(
            "security mechanism '" + mechanism(greeting) + "' is not supported (only NULL)");
      }
    }
  }

  private static String mechanism(byte[] greeting) {
    int end = MECHANISM_OFFSET;
    while (end < MECHANISM_OFFSET + MECHANISM_BYTES && greeting[end] != 0) {
      end++;
    }
    StringBuilder name = new StringBuilder();
    for (int i = MECHANISM_OFFSET; i < end; i++) {
      char c = (char) (greeting[i] & 0xFF);
      name.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return name.toString();
  }
}
