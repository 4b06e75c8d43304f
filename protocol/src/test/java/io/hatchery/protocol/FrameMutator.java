package io.hatchery.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Derives hostile frames from valid ones: the strategies of {@link MessageCodecFuzzTest}. */
final class FrameMutator {
  /** Strategy 0 is "a freshly generated valid frame", handled by the caller. */
  static final int STRATEGIES = 8;

  /** Format bytes that carry a length or count: where lies about sizes live. */
  private static final int[] SIZED_FORMATS = {
    0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0x9f, 0x8f, 0xbf,
    0xd4, 0xd8
  };

  private final Random random;

  FrameMutator(Random random) {
    this.random = random;
  }

  byte[] mutate(int strategy, byte[] seed, List<byte[]> corpus) {
    return switch (strategy) {
      case 1 -> randomBytes();
      case 2 -> Arrays.copyOf(seed, random.nextInt(Math.max(1, seed.length)));
      case 3 -> flipBits(seed);
      case 4 -> corruptHeader(seed);
      case 5 -> splice(seed, corpus.get(random.nextInt(corpus.size())));
      case 6 -> appendTrailing(seed);
      default -> deleteOrInsert(seed);
    };
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[random.nextInt(80)];
    random.nextBytes(bytes);
    if (bytes.length > 0 && random.nextBoolean()) {
      bytes[0] = (byte) 0x93;
    }
    return bytes;
  }

  private byte[] flipBits(byte[] seed) {
    byte[] copy = seed.clone();
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }

  private byte[] corruptHeader(byte[] seed) {
    byte[] copy = seed.clone();
    if (copy.length == 0) {
      return copy;
    }
    int at = random.nextInt(copy.length);
    copy[at] = (byte) SIZED_FORMATS[random.nextInt(SIZED_FORMATS.length)];
    // Follow it with a length that is huge, all ones, or slightly too large.
    for (int i = at + 1; i < Math.min(copy.length, at + 5); i++) {
      copy[i] =
          switch (random.nextInt(3)) {
            case 0 -> (byte) 0xff;
            case 1 -> (byte) 0x7f;
            default -> (byte) (copy[i] + 1);
          };
    }
    return copy;
  }

  private byte[] splice(byte[] first, byte[] second) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first, 0, random.nextInt(first.length + 1));
    int from = random.nextInt(second.length + 1);
    out.write(second, from, second.length - from);
    return out.toByteArray();
  }

  private byte[] appendTrailing(byte[] seed) {
    byte[] copy = Arrays.copyOf(seed, seed.length + 1 + random.nextInt(4));
    for (int i = seed.length; i < copy.length; i++) {
      copy[i] = (byte) random.nextInt(256);
    }
    return copy;
  }

  private byte[] deleteOrInsert(byte[] seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = random.nextInt(seed.length + 1);
    out.write(seed, 0, at);
    if (random.nextBoolean()) {
      out.write(random.nextInt(256));
      out.write(seed, at, seed.length - at);
    } else if (at < seed.length) {
      out.write(seed, at + 1, seed.length - at - 1);
    }
    return out.toByteArray();
  }
}
