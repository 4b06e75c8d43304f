package io.hatchery.protocol.transport;

import io.hatchery.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * ZMTP 3.x commands as the master's ROUTER uses them: the {@code READY} it sends and parses, and
 * the {@code PING}/{@code PONG} keep-alive of ZMTP 3.1 (RFC 37). A command body is a one-byte name
 * length, the name, then command-specific data; {@code READY}'s data is a list of properties, each
 * a one-byte name length, the name, a four-byte big-endian value length and the value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the command name, e.g. {@code READY}
 * @param data the bytes after the name
 */
record ZmtpCommand(String name, byte[] data) {
  static final String READY = "READY";
  static final String PING = "PING";
  static final String PONG = "PONG";

  /** Longest ZeroMQ identity (it travels in one byte on older wires). */
  static final int MAX_IDENTITY_BYTES = 255;

  /** PING's context is at most 16 bytes after its two-byte TTL (RFC 37). */
  private static final int MAX_PING_CONTEXT_BYTES = 16;

  private static final String SOCKET_TYPE = "Socket-Type";
  private static final String IDENTITY = "Identity";

  /** The peer socket types a ROUTER talks to (RFC 28's compatibility table). */
  private static final Set<String> ROUTER_PEERS = Set.of("DEALER", "REQ", "ROUTER");

  /** What a peer's {@code READY} says: its socket type and identity (empty if it set none). */
  record Ready(String socketType, byte[] identity) {}

  /**
   * Parses a command frame's body.
   *
   * @throws ProtocolException if the name length runs past the body
   */
  static ZmtpCommand parse(byte[] body) throws ProtocolException {
    if (body.length == 0 || (body[0] & 0xFF) > body.length - 1) {
      throw new ProtocolException("truncated ZMTP command name");
    }
    int nameLength = body[0] & 0xFF;
    String name = new String(body, 1, nameLength, StandardCharsets.US_ASCII);
    return new ZmtpCommand(name, Arrays.copyOfRange(body, 1 + nameLength, body.length));
  }

  /**
   * Reads this {@code READY}'s properties (names compare case-insensitively) and checks that the
   * peer is a socket a ROUTER may talk to.
   *
   * @throws ProtocolException if the properties are truncated, the socket type is missing or not
   *     one of DEALER, REQ, ROUTER, or the identity is longer than 255 bytes
   */
  Ready ready() throws ProtocolException {
    String socketType = null;
    byte[] identity = new byte[0];
    int at = 0;
    while (at < data.length) {
      int nameLength = data[at] & 0xFF;
      if (at + 1 + nameLength + 4 > data.length) {
        throw new ProtocolException("truncated READY property");
      }
      String property = new String(data, at + 1, nameLength, StandardCharsets.US_ASCII);
      at += 1 + nameLength;
      long valueLength =
          ((data[at] & 0xFFL) << 24)
              | ((data[at + 1] & 0xFF) << 16)
              | ((data[at + 2] & 0xFF) << 8)
              | (data[at + 3] & 0xFF);
      at += 4;
      if (valueLength > data.length - at) {
        throw new ProtocolException("truncated READY property " + property);
      }
      byte[] value = Arrays.copyOfRange(data, at, at + (int) valueLength);
      at += (int) valueLength;
      if (property.equalsIgnoreCase(SOCKET_TYPE)) {
        socketType = new String(value, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
      } else if (property.equalsIgnoreCase(IDENTITY)) {
        identity = value;
      }
    }
    if (socketType == null || !ROUTER_PEERS.contains(socketType)) {
      throw new ProtocolException(
          "peer socket type " + socketType + " cannot talk to a ROUTER (expected DEALER)");
    }
    if (identity.length > MAX_IDENTITY_BYTES) {
      throw new ProtocolException("identity of " + identity.length + " bytes (at most 255)");
    }
    return new Ready(socketType, identity);
  }

  /** The {@code PONG} answering this {@code PING}: it echoes the ping's context. */
  ZmtpCommand pong() {
    int contextStart = Math.min(2, data.length);
    int contextEnd = Math.min(data.length, contextStart + MAX_PING_CONTEXT_BYTES);
    return new ZmtpCommand(PONG, Arrays.copyOfRange(data, contextStart, contextEnd));
  }

  /** The master's {@code READY}: socket type ROUTER and an empty identity, as libzmq sends. */
  static ZmtpCommand routerReady() {
    return ready("ROUTER", new byte[0]);
  }

  /** A {@code READY} announcing {@code socketType} and {@code identity}. */
  static ZmtpCommand ready(String socketType, byte[] identity) {
    ByteArrayOutputStream properties = new ByteArrayOutputStream();
    property(properties, SOCKET_TYPE, socketType.getBytes(StandardCharsets.US_ASCII));
    property(properties, IDENTITY, identity);
    return new ZmtpCommand(READY, properties.toByteArray());
  }

  /** This command as one complete ZMTP command frame (flags, size, body). */
  byte[] toFrame() {
    byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
    int bodyLength = 1 + nameBytes.length + data.length;
    byte[] header = ZmtpFrames.header(ZmtpFrames.COMMAND, bodyLength);
    byte[] frame = Arrays.copyOf(header, header.length + bodyLength);
    frame[header.length] = (byte) nameBytes.length;
    System.arraycopy(nameBytes, 0, frame, header.length + 1, nameBytes.length);
    System.arraycopy(data, 0, frame, header.length + 1 + nameBytes.length, data.length);
    return frame;
  }

  private static void property(ByteArrayOutputStream out, String name, byte[] value) {
    out.write(name.length());
    out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
    out.write(value.length >>> 24);
    out.write(value.length >>> 16);
    out.write(value.length >>> 8);
    out.write(value.length);
    out.writeBytes(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZmtpCommand that
        && name.equals(that.name)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "ZmtpCommand[" + name + ", " + data.length + " bytes]";
  }
}
