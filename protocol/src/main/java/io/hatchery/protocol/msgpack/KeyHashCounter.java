package io.hatchery.protocol.msgpack;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Counts the keys of one decoded map per hash code, without boxing, so {@link MsgpackReader} can
 * refuse a map whose keys flood one hash bucket before the flood costs any real CPU.
 *
 * <p>An open-addressing table of {@code int} hash codes sized to twice the declared key count. The
 * slot of a hash code is scrambled with a random odd multiplier per instance, so a peer cannot
 * choose distinct hash codes that all probe the same slots (hash codes that are equal land on one
 * slot and are exactly what is counted). Counts saturate at {@link Byte#MAX_VALUE}.
 *
 * <p>Not thread-safe: one instance per map being decoded.
 */
final class KeyHashCounter {
  private final int[] hashes;
  private final byte[] counts;
  private final int shift;
  private final int multiplier = ThreadLocalRandom.current().nextInt() | 1;

  /** Creates a counter for a map that declares {@code keyCount} keys ({@code >= 1}). */
  KeyHashCounter(int keyCount) {
    int capacity = Integer.highestOneBit(Math.max(keyCount, 4) * 2 - 1) << 1;
    hashes = new int[capacity];
    counts = new byte[capacity];
    shift = Integer.numberOfLeadingZeros(capacity) + 1;
  }

  /** Counts one more distinct key with {@code hash} and returns how many now share it. */
  int increment(int hash) {
    int mask = hashes.length - 1;
    int slot = (hash * multiplier) >>> shift;
    while (counts[slot] != 0 && hashes[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    if (counts[slot] < Byte.MAX_VALUE) {
      counts[slot]++;
    }
    return counts[slot];
  }
}
