package io.hatchery.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.hatchery.protocol.golden.GoldenVectors;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and mutated frames: the decoder either succeeds within its limits or throws {@link
 * ProtocolException}, nothing else. Seeds are the golden frames plus generated messages.
 *
 * <p>Reproduce a failure with {@code -Dfuzz.seed=<seed printed in the failure>}; {@code
 * -Dfuzz.iterations=<n>} runs longer.
 */
@Timeout(120)
class MessageCodecFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 0x4A7C_4E52_1C0DL);
  private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 150_000);
  private static final int GENERATED_SEEDS = 200;

  /** Deliberately small: a frame that escaped these bounds would show in the value count. */
  private static final DecodeLimits SMALL = new DecodeLimits(64 * 1024, 12, 256, 2_000);

  private final Random random = new Random(SEED);
  private final RandomValues values = new RandomValues(random);
  private final FrameMutator mutator = new FrameMutator(random);

  @Test
  void onlyProtocolExceptionEverLeavesTheDecoder() {
    List<byte[]> corpus = corpus();
    int decoded = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      int strategy = i % FrameMutator.STRATEGIES;
      byte[] frame =
          strategy == 0
              ? MessageCodec.encode(values.message())
              : mutator.mutate(strategy, corpus.get(random.nextInt(corpus.size())), corpus);
      DecodeLimits limits = i % 3 == 0 ? SMALL : DecodeLimits.DEFAULT;
      if (check(frame, limits, i, strategy)) {
        decoded++;
      }
    }
    // Generated frames always decode; the mutated ones must not all fail either.
    assertThat(decoded).as("frames decoded (seed %d)", SEED).isGreaterThan(ITERATIONS / 10);
  }

  @Test
  void generatedMessagesRoundTripByteForByte() {
    for (int i = 0; i < 5_000; i++) {
      Message message = values.message();
      byte[] frame = MessageCodec.encode(message);
      try {
        Message back = MessageCodec.decode(frame);
        assertThat(MessageCodec.encode(back))
            .as("re-encoding of %s (seed %d, iteration %d)", message, SEED, i)
            .isEqualTo(frame);
      } catch (ProtocolException e) {
        fail("valid frame rejected (seed %d, iteration %d): %s".formatted(SEED, i, hex(frame)), e);
      }
    }
  }

  private List<byte[]> corpus() {
    List<byte[]> corpus = new ArrayList<>();
    // In frame file order (folder, then *.msgpack name), the corpus the fixed seed has always used.
    GoldenVectors.all()
        .sorted(Comparator.comparing(vector -> vector.folder() + "/" + vector.name() + ".msgpack"))
        .forEach(vector -> corpus.add(vector.frame()));
    for (int i = 0; i < GENERATED_SEEDS; i++) {
      corpus.add(MessageCodec.encode(values.message()));
    }
    return corpus;
  }

  /** Decodes {@code frame}; returns whether it decoded, failing on anything but success or PE. */
  private static boolean check(byte[] frame, DecodeLimits limits, int iteration, int strategy) {
    Message message;
    try {
      message = MessageCodec.decode(frame, limits);
    } catch (ProtocolException e) {
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        fail("ProtocolException without a message: " + context(frame, iteration, strategy), e);
      }
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError(
          "%s escaped the decoder: %s"
              .formatted(e.getClass().getName(), context(frame, iteration, strategy)),
          e);
    }
    // Envelope array, type and node id are values too.
    long values = 3 + count(message.data());
    if (values > limits.maxElements() || depth(message.data()) + 1 > limits.maxDepth()) {
      fail(
          "decoded beyond the limits (%d values): %s"
              .formatted(values, context(frame, iteration, strategy)));
    }
    byte[] again = MessageCodec.encode(message);
    try {
      if (!Arrays.equals(MessageCodec.encode(MessageCodec.decode(again)), again)) {
        fail("re-encoding is not stable: " + context(frame, iteration, strategy));
      }
    } catch (ProtocolException e) {
      fail("re-encoded frame rejected: " + context(frame, iteration, strategy), e);
    }
    return true;
  }

  /** Counts decoded values as the decoder's budget does (a datetime map as one). */
  private static long count(Object value) {
    return switch (value) {
      case List<?> list -> 1 + list.stream().mapToLong(MessageCodecFuzzTest::count).sum();
      case Map<?, ?> map ->
          1
              + map.entrySet().stream()
                  .mapToLong(entry -> count(entry.getKey()) + count(entry.getValue()))
                  .sum();
      case null, default -> 1;
    };
  }

  private static int depth(Object value) {
    return switch (value) {
      case List<?> list -> 1 + list.stream().mapToInt(MessageCodecFuzzTest::depth).max().orElse(0);
      case Map<?, ?> map ->
          1
              + map.entrySet().stream()
                  .mapToInt(entry -> Math.max(depth(entry.getKey()), depth(entry.getValue())))
                  .max()
                  .orElse(0);
      case LocalDateTime dateTime -> 1;
      case null, default -> 0;
    };
  }

  private static String context(byte[] frame, int iteration, int strategy) {
    return "seed %d, iteration %d, strategy %d, frame %s"
        .formatted(SEED, iteration, strategy, hex(frame));
  }

  private static String hex(byte[] frame) {
    String hex = HexFormat.of().formatHex(Arrays.copyOf(frame, Math.min(frame.length, 96)));
    return frame.length > 96 ? hex + "... (" + frame.length + " bytes)" : hex;
  }
}
