package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.stats.StatsReport;
import io.hatchery.stats.wire.MalformedStatsException;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StatsDataReader} decodes what it accepts exactly as {@link StatsReportMaps#fromMap}
 * decodes the generic maps of the same frame, and hands everything else back to the generic
 * decoding: over the recorded golden frames of every peer, our own worker's reports, the unusual
 * shapes it must refuse, and mutated frames.
 */
class StatsDataReaderTest {
  /** The protocol module's golden vectors (see its README files for how they were recorded). */
  private static final Path GOLDEN =
      Path.of("..", "protocol", "src", "test", "resources", "golden");

  private static final Map<String, DataReader> READERS =
      Map.of(MessageType.STATS, new StatsDataReader());

  /** Start time default of the generic decoding; never used when the typed reader accepts. */
  private static final double NOW = 1.7e9;

  static Stream<Path> goldenStatsFrames() throws IOException {
    assertThat(GOLDEN).as("golden vectors next to this module").isDirectory();
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      List<Path> frames =
          files
              .filter(p -> p.getFileName().toString().matches("w2m-stats.*\\.msgpack"))
              .sorted()
              .toList();
      assertThat(frames).hasSizeGreaterThanOrEqualTo(8);
      return frames.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenStatsFrames")
  void everyRecordedPeerFrameDecodesAsTheGenericMapsDo(Path frame) throws Exception {
    byte[] bytes = Files.readAllBytes(frame);

    Message typed = MessageCodec.decode(bytes, DecodeLimits.DEFAULT, READERS);

    assertSameMeaning(bytes, typed);
    String peer = frame.getParent().getFileName().toString();
    if (!peer.equals("g0")) {
      // Locust 2.12.1, Locust 1.x, Boomer and Locust4j all send the shape the reader takes.
      assertThat(typed.data()).as(peer).isInstanceOf(DecodedStats.class);
    }
  }

  @Test
  void ourWorkersReportWithExactHistogramsIsReadTyped() throws Exception {
    byte[] frame = encode(StatsData.withFailures("/a", 50, 3));

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isInstanceOf(DecodedStats.class);
    DecodedStats decoded = (DecodedStats) typed.data();
    assertThat(decoded.report().stats().get(0).histogram()).isNotNull();
    assertThat(decoded.report().errors()).hasSize(1);
    assertThat(decoded.otherKeys()).containsKeys("errors", "user_count", "user_classes_count");
    assertSameMeaning(frame, typed);
  }

  @Test
  void theWireDataOfListenersIsTheGenericMapDecodedOnDemand() throws Exception {
    Map<String, Object> data = StatsData.requests("/a", 5);
    byte[] frame = encode(data);

    DecodedStats decoded =
        (DecodedStats) MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS).data();

    assertThat(comparable(decoded.wireData()))
        .isEqualTo(comparable(MessageCodec.decode(frame).data()));
  }

  @Test
  void keysInAnotherOrderThanLocustsAreFoundToo() throws Exception {
    Map<String, Object> data = StatsData.requests("/a", 5);
    @SuppressWarnings("unchecked")
    Map<String, Object> total = (Map<String, Object>) data.get(StatsReportMaps.STATS_TOTAL);
    Map<String, Object> reversed = new LinkedHashMap<>();
    new ArrayList<>(total.keySet()).reversed().forEach(k -> reversed.put(k, total.get(k)));
    reversed.put("an_unknown_key", List.of(1, 2));
    data.put(StatsReportMaps.STATS_TOTAL, reversed);
    byte[] frame = encode(data);

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isInstanceOf(DecodedStats.class);
    assertSameMeaning(frame, typed);
  }

  @Test
  void longCountsMapsOfEveryKeyKindAreReadWhole() throws Exception {
    // More pairs than the reader reads in one run, with int keys of every width (Locust's buckets
    // below 100 ms, Boomer's and Locust4j's ints), float keys (Locust's buckets from 100 ms) and
    // counts of every width between them, in no particular order.
    Random random = new Random(5);
    Map<Object, Object> responseTimes = new LinkedHashMap<>();
    while (responseTimes.size() < 300) {
      long bucket =
          random.nextInt(3) == 0 ? random.nextInt(100) : 100 + 10L * random.nextInt(5_000);
      long count = random.nextInt(4) == 0 ? random.nextInt(1 << 20) : random.nextInt(100);
      Object key = bucket >= 100 && random.nextBoolean() ? (Object) (double) bucket : bucket;
      if (!responseTimes.containsKey((long) bucket)
          && !responseTimes.containsKey((double) bucket)) {
        responseTimes.put(key, count);
      }
    }
    Map<String, Object> data = StatsData.requests("/a", 5);
    @SuppressWarnings("unchecked")
    Map<String, Object> entry =
        (Map<String, Object>) ((List<?>) data.get(StatsReportMaps.STATS)).get(0);
    entry.put(StatsEntryMaps.RESPONSE_TIMES, responseTimes);
    byte[] frame = encode(data);

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isInstanceOf(DecodedStats.class);
    assertThat(((DecodedStats) typed.data()).report().stats().get(0).responseTimes().size())
        .isEqualTo(300);
    assertSameMeaning(frame, typed);
  }

  static Stream<UnusualShape> unusualShapes() {
    return Stream.of(
        new UnusualShape("no start_time", e -> e.remove(StatsEntryMaps.START_TIME), true),
        new UnusualShape("a float count", e -> e.put(StatsEntryMaps.NUM_REQUESTS, 5.0), true),
        new UnusualShape("a nil name", e -> e.put(StatsEntryMaps.NAME, null), false),
        new UnusualShape("a negative count", e -> e.put(StatsEntryMaps.NUM_FAILURES, -1L), false),
        new UnusualShape(
            "more none requests than requests",
            e -> e.put(StatsEntryMaps.NUM_NONE_REQUESTS, 1_000L),
            false),
        new UnusualShape(
            "150 and 150.0 as keys",
            e -> e.put(StatsEntryMaps.RESPONSE_TIMES, mixedKeys(150L, 1L, 150.0, 2L)),
            true),
        new UnusualShape(
            "keys that round alike",
            e -> e.put(StatsEntryMaps.RESPONSE_TIMES, mixedKeys(150.2, 1L, 149.8, 2L)),
            true),
        new UnusualShape(
            "an infinite time",
            e -> e.put(StatsEntryMaps.MAX_RESPONSE_TIME, Double.POSITIVE_INFINITY),
            false),
        new UnusualShape("counts that are not a map", e -> e.put("num_reqs_per_sec", 3L), false));
  }

  @ParameterizedTest
  @MethodSource("unusualShapes")
  void unusualShapesAreHandedBackToTheGenericDecoding(UnusualShape shape) throws Exception {
    Map<String, Object> data = StatsData.requests("/a", 5);
    @SuppressWarnings("unchecked")
    Map<String, Object> entry =
        (Map<String, Object>) ((List<?>) data.get(StatsReportMaps.STATS)).get(0);
    shape.edit().accept(entry);
    byte[] frame = encode(data);

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isNotInstanceOf(DecodedStats.class);
    assertThat(comparable(typed.data())).isEqualTo(comparable(MessageCodec.decode(frame).data()));
    Map<?, ?> generic = (Map<?, ?>) typed.data();
    if (shape.validForTheMaster()) {
      assertThat(StatsReportMaps.fromMap(generic, NOW).stats()).hasSize(1);
    } else {
      assertThatThrownBy(() -> StatsReportMaps.fromMap(generic, NOW))
          .isInstanceOf(MalformedStatsException.class);
    }
  }

  @Test
  void aKeyThatAppearsTwiceIsHandedBack() throws Exception {
    Map<String, Object> data = StatsData.requests("/a", 5);
    @SuppressWarnings("unchecked")
    Map<String, Object> entry =
        (Map<String, Object>) ((List<?>) data.get(StatsReportMaps.STATS)).get(0);
    entry.put("num_failureZ", 7L);
    // A map encoder never writes a key twice: rename the extra key in the encoded bytes.
    byte[] frame = replace(encode(data), "num_failureZ", "num_failures");

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isNotInstanceOf(DecodedStats.class);
    // Last wins in the generic map, as in a Python dict.
    assertThat(StatsReportMaps.fromMap((Map<?, ?>) typed.data(), NOW).stats().get(0).numFailures())
        .isEqualTo(7);
  }

  @Test
  void aFrameWithTrailingBytesFailsAsWithoutTheReader() throws Exception {
    byte[] valid = encode(StatsData.requests("/a", 5));
    byte[] frame = Arrays.copyOf(valid, valid.length + 1);

    assertThatThrownBy(() -> MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void mutatedFramesNeverDecodeToAnotherMeaning() throws Exception {
    List<byte[]> seeds =
        List.of(
            encode(StatsData.withFailures("/a", 50, 3)),
            Files.readAllBytes(GOLDEN.resolve("2.12.1").resolve("w2m-stats-running.msgpack")),
            Files.readAllBytes(GOLDEN.resolve("boomer").resolve("w2m-stats.msgpack")));
    long seed = 20261122L;
    Random random = new Random(seed);
    int typedCount = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] frame = seeds.get(i % seeds.size()).clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
      }
      Message typed;
      try {
        typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);
      } catch (ProtocolException e) {
        assertThatThrownBy(() -> MessageCodec.decode(frame))
            .as("seed %d, frame %d", seed, i)
            .isInstanceOf(ProtocolException.class);
        continue;
      }
      if (typed.data() instanceof DecodedStats) {
        typedCount++;
      }
      assertSameMeaning(frame, typed);
    }
    assertThat(typedCount).as("mutations the typed reader still took").isGreaterThan(1_000);
  }

  /** The typed decoding means what the generic one means: same report and users, or same data. */
  private static void assertSameMeaning(byte[] frame, Message typed) throws Exception {
    Message generic = MessageCodec.decode(frame);
    assertThat(typed.type()).isEqualTo(generic.type());
    assertThat(typed.nodeId()).isEqualTo(generic.nodeId());
    if (!(typed.data() instanceof DecodedStats decoded)) {
      assertThat(comparable(typed.data())).isEqualTo(comparable(generic.data()));
      return;
    }
    assertThat(generic.data()).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) generic.data();
    StatsReport expected = StatsReportMaps.fromMap(map, NOW);
    assertThat(decoded.report()).isEqualTo(expected);
    Map<Object, Object> others = new LinkedHashMap<>(map);
    others.remove(StatsReportMaps.STATS);
    others.remove(StatsReportMaps.STATS_TOTAL);
    assertThat(comparable(decoded.otherKeys())).isEqualTo(comparable(others));
  }

  /** The value with its {@code byte[]}s as hex, so that equality compares their contents. */
  private static Object comparable(Object value) {
    if (value instanceof byte[] bytes) {
      return "bin:" + HexFormat.of().formatHex(bytes);
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(comparable(k), comparable(v)));
      return copy;
    } else if (value instanceof List<?> list) {
      return list.stream().map(StatsDataReaderTest::comparable).toList();
    }
    return value;
  }

  private static byte[] encode(Map<String, Object> data) {
    return MessageCodec.encode(new Message(MessageType.STATS, data, "worker_1"));
  }

  private static Map<Object, Object> mixedKeys(Object k1, Object v1, Object k2, Object v2) {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  private static byte[] replace(byte[] frame, String from, String to) {
    byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
    byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + needle.length <= frame.length; i++) {
      if (Arrays.equals(frame, i, i + needle.length, needle, 0, needle.length)) {
        System.arraycopy(replacement, 0, frame, i, replacement.length);
        return frame;
      }
    }
    throw new AssertionError(from + " not in the frame");
  }

  /** An edit of one entry map that the typed reader must hand back. */
  record UnusualShape(String name, Consumer<Map<String, Object>> edit, boolean validForTheMaster) {
    @Override
    public String toString() {
      return name;
    }
  }
}
