package io.hatchery.protocol;

import io.hatchery.protocol.msgpack.MsgpackExtension;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds random values and messages within the codec's mapping, biased towards edge cases. */
final class RandomValues {
  private static final long[] EDGE_LONGS = {
    0,
    1,
    31,
    127,
    128,
    255,
    256,
    65535,
    65536,
    0xffff_ffffL,
    0x1_0000_0000L,
    Long.MAX_VALUE,
    -1,
    -32,
    -33,
    -128,
    -129,
    -32768,
    -32769,
    Integer.MIN_VALUE,
    Integer.MIN_VALUE - 1L,
    Long.MIN_VALUE,
    5_000_000_000L,
    1_700_000_000L
  };
  private static final double[] EDGE_DOUBLES = {
    0.0,
    -0.0,
    0.1,
    150.0,
    1e300,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.MIN_VALUE,
    1_700_000_000.123456
  };
  private static final int[] EDGE_STRING_LENGTHS = {0, 1, 31, 32, 255, 256};
  // Sorted: Set.of iterates in a per-JVM random order, which would break seed reproducibility.
  private static final List<String> TYPES = MessageType.known().stream().sorted().toList();

  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  Message message() {
    String type = random.nextInt(4) == 0 ? string() : TYPES.get(random.nextInt(TYPES.size()));
    String nodeId = random.nextInt(5) == 0 ? null : "vm_" + Long.toHexString(random.nextLong());
    return new Message(type, value(4), nodeId);
  }

  Object value(int depthLeft) {
    int kind = random.nextInt(depthLeft > 0 ? 13 : 9);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] + (random.nextInt(3) - 1);
      case 3 -> random.nextLong() >> random.nextInt(64);
      case 4 ->
          random.nextBoolean()
              ? EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)]
              : random.nextDouble() * Math.pow(10, random.nextInt(20) - 5);
      case 5 -> string();
      case 6 -> bytes(random.nextInt(40));
      case 7 -> extensionOrBigInteger();
      case 8 ->
          LocalDateTime.of(
              1970 + random.nextInt(100),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(1_000_000) * 1_000);
      case 9, 10 -> list(depthLeft - 1);
      default -> map(depthLeft - 1);
    };
  }

  private Object extensionOrBigInteger() {
    if (random.nextBoolean()) {
      return BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(random.nextLong() >>> 1));
    }
    int[] lengths = {0, 1, 2, 3, 4, 8, 16, 17, 300};
    return new MsgpackExtension(
        (byte) random.nextInt(256), bytes(lengths[random.nextInt(lengths.length)]));
  }

  private List<Object> list(int depthLeft) {
    int size = random.nextInt(10) == 0 ? 16 + random.nextInt(40) : random.nextInt(6);
    List<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(value(depthLeft));
    }
    return list;
  }

  private Map<Object, Object> map(int depthLeft) {
    int size = random.nextInt(10) == 0 ? 16 + random.nextInt(20) : random.nextInt(6);
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      Object key =
          switch (random.nextInt(3)) {
            case 0 -> string();
            case 1 -> (long) random.nextInt(2000) - 10;
            default -> (double) random.nextInt(2000) * 10;
          };
      map.put(key, value(depthLeft));
    }
    return map;
  }

  String string() {
    int length =
        random.nextInt(8) == 0
            ? EDGE_STRING_LENGTHS[random.nextInt(EDGE_STRING_LENGTHS.length)]
            : random.nextInt(12);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      int codePoint =
          switch (random.nextInt(4)) {
            case 0 -> 0x80 + random.nextInt(0x780);
            case 1 -> 0xE000 + random.nextInt(0x1000);
            case 2 -> 0x1F300 + random.nextInt(0x300);
            default -> 0x20 + random.nextInt(0x5F);
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
