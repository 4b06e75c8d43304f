package io.hatchery.stats.histogram;

import java.util.Arrays;

/**
 * HdrHistogram's V2 count encoding ("ZigZag LEB128-64b9B"): zig-zag, then 7 bits per byte with a
 * continuation bit for the first 8 bytes and all 8 bits in a 9th. Mirrors {@code
 * org.HdrHistogram.ZigZagEncoding}, which is package-private there.
 *
 * <p>Thread-safety: a cursor over one array; confine to one thread.
 */
final class ZigZag {

  private byte[] bytes;
  private int position;
  private final int limit;

  private ZigZag(byte[] bytes, int limit) {
    this.bytes = bytes;
    this.limit = limit;
  }

  static ZigZag reader(byte[] bytes, int length) {
    return new ZigZag(bytes, length);
  }

  static ZigZag writer(int initialCapacity) {
    return new ZigZag(new byte[Math.max(initialCapacity, 16)], Integer.MAX_VALUE);
  }

  /** Moves the cursor {@code n} bytes forward (past a header). */
  void skip(int n) {
    position += n;
  }

  boolean hasRemaining() {
    return position < limit;
  }

  int position() {
    return position;
  }

  byte[] array() {
    return bytes;
  }

  /**
   * Reads one value.
   *
   * @throws IllegalArgumentException if the value runs past the end
   */
  long getLong() {
    long raw = 0;
    for (int shift = 0; shift < 56; shift += 7) {
      int b = next();
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    raw |= (long) (next() & 0xff) << 56;
    return (raw >>> 1) ^ -(raw & 1);
  }

  void putLong(long value) {
    long raw = (value << 1) ^ (value >> 63);
    for (int i = 0; i < 8; i++) {
      if ((raw >>> 7) == 0) {
        put((byte) raw);
        return;
      }
      put((byte) ((raw & 0x7f) | 0x80));
      raw >>>= 7;
    }
    put((byte) raw);
  }

  private int next() {
    if (position >= limit) {
      throw new IllegalArgumentException("truncated count");
    }
    return bytes[position++];
  }

  private void put(byte b) {
    if (position == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[position++] = b;
  }
}
