package io.hatchery.protocol.msgpack;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The short ASCII strings the reader decoded recently, keyed by their bytes, so that the map keys
 * and names every report repeats ({@code "name"}, {@code "num_requests"}, {@code "GET"}, an
 * endpoint's name) are neither decoded nor allocated again.
 *
 * <p>A direct-mapped table of {@link #SLOTS} entries, each holding the bytes and the string made of
 * them: a hit is a hash over the bytes and one comparison of them with the entry's, a miss makes
 * the string and replaces the slot's entry. Only ASCII strings of at most {@link #MAX_LENGTH} bytes
 * are cached (ASCII bytes are valid UTF-8 and decode one char per byte), so the table holds at most
 * about {@code SLOTS * (2 * MAX_LENGTH + 80)} bytes. Colliding strings only cost misses, so hostile
 * bytes cannot make it slower than no cache.
 *
 * <p>Thread-safe without locks: one process-wide table shared by every reader. Entries are
 * immutable records whose fields are final, so a thread that sees an entry, even through the data
 * race on the slot, sees its bytes and string completely; every hit compares the bytes, so a stale
 * or replaced entry is only a miss.
 */
final class StringCache {
  static final int MAX_LENGTH = 64;
  static final int SLOTS = 1024;

  private static final int SLOT_BITS = 10;
  private static final long GOLDEN = 0x9e37_79b9_7f4a_7c15L;
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final Entry[] TABLE = new Entry[SLOTS];

  private record Entry(byte[] bytes, String value) {}

  private StringCache() {}

  /**
   * Returns the string of the {@code length} bytes at {@code offset} of {@code frame} (1 to {@link
   * #MAX_LENGTH}), or {@code null} when they are not all ASCII (the caller then decodes them as
   * UTF-8).
   */
  static String ascii(byte[] frame, int offset, int length) {
    // Eight bytes at a time (msgpack strings are short), the last word overlapping the one before.
    long hash = length * GOLDEN;
    long highBits = 0;
    int end = offset + length;
    if (length >= Long.BYTES) {
      for (int i = offset; i < end - Long.BYTES; i += Long.BYTES) {
        long word = (long) LONG.get(frame, i);
        highBits |= word;
        hash = (hash ^ word) * GOLDEN;
      }
      long last = (long) LONG.get(frame, end - Long.BYTES);
      highBits |= last;
      hash = (hash ^ last) * GOLDEN;
    } else {
      long word = 0;
      for (int i = offset; i < end; i++) {
        word = word << 8 | (frame[i] & 0xff);
      }
      highBits = word;
      hash = (hash ^ word) * GOLDEN;
    }
    if ((highBits & 0x8080_8080_8080_8080L) != 0) {
      return null;
    }
    int slot = (int) (hash >>> (Long.SIZE - SLOT_BITS));
    Entry entry = TABLE[slot];
    if (entry != null && sameBytes(entry.bytes, frame, offset, length)) {
      return entry.value;
    }
    byte[] bytes = Arrays.copyOfRange(frame, offset, offset + length);
    // Latin-1 of ASCII bytes is the same text, and needs no UTF-8 validation.
    String value = new String(bytes, StandardCharsets.ISO_8859_1);
    TABLE[slot] = new Entry(bytes, value);
    return value;
  }

  /** Compares word by word, inline: {@code Arrays.equals} calls a stub, slower for a few words. */
  private static boolean sameBytes(byte[] cached, byte[] frame, int offset, int length) {
    if (cached.length != length) {
      return false;
    }
    if (length < Long.BYTES) {
      for (int i = 0; i < length; i++) {
        if (cached[i] != frame[offset + i]) {
          return false;
        }
      }
      return true;
    }
    int last = length - Long.BYTES;
    for (int i = 0; i < last; i += Long.BYTES) {
      if ((long) LONG.get(cached, i) != (long) LONG.get(frame, offset + i)) {
        return false;
      }
    }
    return (long) LONG.get(cached, last) == (long) LONG.get(frame, offset + last);
  }
}
