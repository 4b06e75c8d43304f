package io.hatchery.protocol.msgpack;

/**
 * The {@link Long} and {@link Double} boxes the reader made recently, keyed by their bits, so that
 * the numbers every report repeats (the {@code response_times} keys 100.0, 110.0..., the epoch
 * seconds of {@code num_reqs_per_sec}) are not allocated again.
 *
 * <p>Two direct-mapped tables of {@link #SLOTS} boxes; a hit compares the box's value with the bits
 * read, a miss boxes the value and replaces the slot. Values from -128 to 127 come from {@link
 * Long#valueOf}'s own cache. Boxes are value-based: nothing may depend on their identity, so
 * sharing one is indistinguishable from allocating it.
 *
 * <p>Thread-safe without locks: process-wide tables shared by every reader. A box's value is a
 * final field, so a thread that sees a box through the data race on the slot sees its value.
 */
final class BoxCache {
  static final int SLOTS = 256;

  private static final int SLOT_BITS = 8;
  private static final long GOLDEN = 0x9e37_79b9_7f4a_7c15L;
  private static final Long[] LONGS = new Long[SLOTS];
  private static final Double[] DOUBLES = new Double[SLOTS];

  private BoxCache() {}

  /** Returns {@code value} boxed. */
  static Long boxLong(long value) {
    if (value >= -128 && value <= 127) {
      return Long.valueOf(value);
    }
    int slot = slotOf(value);
    Long cached = LONGS[slot];
    if (cached != null && cached == value) {
      return cached;
    }
    Long boxed = value;
    LONGS[slot] = boxed;
    return boxed;
  }

  /** Returns the double whose IEEE 754 bits are {@code bits}, boxed. */
  static Double boxDouble(long bits) {
    int slot = slotOf(bits);
    Double cached = DOUBLES[slot];
    if (cached != null && Double.doubleToRawLongBits(cached) == bits) {
      return cached;
    }
    Double boxed = Double.longBitsToDouble(bits);
    DOUBLES[slot] = boxed;
    return boxed;
  }

  private static int slotOf(long bits) {
    return (int) ((bits * GOLDEN) >>> (Long.SIZE - SLOT_BITS));
  }
}
