package io.hatchery.protocol.transport;

import java.nio.ByteBuffer;

/**
 * ZMTP 3.x frame headers (RFC 23): a flags byte ({@link #MORE}, {@link #LONG}, {@link #COMMAND};
 * the other bits are reserved and zero), then the body size in one byte, or in eight big-endian
 * bytes when {@link #LONG} is set. Senders use the short form up to 255 bytes, as libzmq does.
 * Stateless and thread-safe.
 */
final class ZmtpFrames {
  static final int MORE = 0x01;
  static final int LONG = 0x02;
  static final int COMMAND = 0x04;
  static final int RESERVED = 0xF8;

  /** Largest header: flags plus an eight-byte size. */
  static final int MAX_HEADER_BYTES = 9;

  private static final int SHORT_SIZE_LIMIT = 255;

  private ZmtpFrames() {}

  /** The header of a frame of {@code size} body bytes; {@code flags} without {@link #LONG}. */
  static byte[] header(int flags, long size) {
    ByteBuffer header = ByteBuffer.allocate(headerBytes(size));
    putHeader(header, flags, size);
    return header.array();
  }

  /** How many header bytes a frame of {@code size} body bytes takes. */
  static int headerBytes(long size) {
    return size <= SHORT_SIZE_LIMIT ? 2 : MAX_HEADER_BYTES;
  }

  /** Writes the header of a frame of {@code size} body bytes into {@code out}. */
  static void putHeader(ByteBuffer out, int flags, long size) {
    if (size <= SHORT_SIZE_LIMIT) {
      out.put((byte) flags).put((byte) size);
    } else {
      out.put((byte) (flags | LONG)).putLong(size);
    }
  }
}
