package io.hatchery.protocol.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.golden.GoldenVector;
import io.hatchery.protocol.golden.GoldenVectors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link HeartbeatDataReader} reads what it accepts exactly as {@link HeartbeatPayload#from} reads
 * the generic map of the same frame, and hands everything else back to the generic decoding: over
 * every peer's recorded heartbeats, the shapes it must refuse, and mutated frames.
 */
class HeartbeatDataReaderTest {
  private static final Map<String, DataReader> READERS =
      Map.of(MessageType.HEARTBEAT, new HeartbeatDataReader());

  static Stream<GoldenVector> recordedHeartbeats() {
    List<GoldenVector> heartbeats =
        GoldenVectors.all()
            .filter(v -> v.direction().equals("w2m") && v.name().contains("heartbeat"))
            .toList();
    // Locust 2.12.1, 0.10, 0.14, 1.x, Boomer and Locust4j.
    assertThat(heartbeats).hasSizeGreaterThanOrEqualTo(9);
    return heartbeats.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedHeartbeats")
  void everyRecordedHeartbeatIsReadTypedAsTheGenericMapReads(GoldenVector vector)
      throws ProtocolException {
    Message typed = MessageCodec.decode(vector.frame(), DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isInstanceOf(HeartbeatPayload.class);
    assertSameMeaning(vector.frame(), typed);
  }

  @Test
  void locustsHeartbeatBecomesItsPayload() throws ProtocolException {
    byte[] frame =
        frame(
            data(
                "state", "running", "current_cpu_usage", 4.8, "current_memory_usage", 57_593_856L));

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data())
        .isEqualTo(new HeartbeatPayload(WorkerState.RUNNING, 4.8, 57_593_856L, null));
  }

  record Shape(String description, Object data, boolean typed) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Shape> shapes() {
    return Stream.of(
        new Shape("an int CPU usage", data("state", "ready", "current_cpu_usage", 3L), true),
        new Shape("a nil CPU usage", data("state", "ready", "current_cpu_usage", null), true),
        new Shape(
            "an integral float memory usage",
            data("state", "ready", "current_memory_usage", 1024.0),
            true),
        new Shape("Locust 1.4's user count", data("state", "running", "count", 7L), true),
        new Shape(
            "a key no Locust sends", data("state", "stopped", "extra", List.of(1L, "two")), true),
        new Shape(
            "a memory usage with a fraction",
            data("state", "ready", "current_memory_usage", 1024.5),
            false),
        new Shape("an unknown state", data("state", "dancing", "current_cpu_usage", 1.0), false),
        new Shape("a nil state", data("state", null), false),
        new Shape("no state", data("current_cpu_usage", 1.0), false),
        new Shape("a state that is not a str", data("state", 3L), false),
        new Shape(
            "a CPU usage that is a str", data("state", "ready", "current_cpu_usage", "1"), false),
        new Shape("a key that is not a str", data(5L, "x", "state", "ready"), false),
        new Shape("data that is not a map", List.of("running"), false),
        new Shape("nil data", null, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void unusualShapesAreTypedOnlyWhenTheyMeanTheSame(Shape shape) throws ProtocolException {
    byte[] frame = frame(shape.data());

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data() instanceof HeartbeatPayload).isEqualTo(shape.typed());
    assertSameMeaning(frame, typed);
  }

  @Test
  void aKeyThatAppearsTwiceIsHandedBack() throws ProtocolException {
    // A map encoder never writes a key twice: rename the second key in the encoded bytes.
    byte[] frame = replace(frame(data("state", "running", "statX", "stopped")), "statX", "state");

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isNotInstanceOf(HeartbeatPayload.class);
    // Last wins in the generic map, as in a Python dict.
    assertThat(HeartbeatPayload.from(typed.data()).state()).isEqualTo(WorkerState.STOPPED);
  }

  @Test
  void aKnownKeyInAWideStrIsHandedBackNotSkipped() throws ProtocolException {
    // ["heartbeat", {str16 "state": "stopped"}, "w"]: valid msgpack, though no encoder picks str16
    // for five bytes; the fast key comparison reads fixstr and str8 only.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x93);
    writeFixStr(out, "heartbeat");
    out.write(0x81);
    out.write(0xda);
    out.write(0);
    out.write(5);
    out.writeBytes("state".getBytes(StandardCharsets.US_ASCII));
    writeFixStr(out, "stopped");
    writeFixStr(out, "w");
    byte[] frame = out.toByteArray();

    Message typed = MessageCodec.decode(frame, DecodeLimits.DEFAULT, READERS);

    assertThat(typed.data()).isNotInstanceOf(HeartbeatPayload.class);
    assertThat(HeartbeatPayload.from(typed.data()).state()).isEqualTo(WorkerState.STOPPED);
  }

  @Test
  void mutatedFramesNeverDecodeToAnotherMeaning() throws ProtocolException {
    List<byte[]> seeds = recordedHeartbeats().map(GoldenVector::frame).toList();
    long seed = 20261123L;
    Random random = new Random(seed);
    int typedCount = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] frame = seeds.get(i % seeds.size()).clone();
      for (int flips = 1 + random.nextInt(2); flips > 0; flips--) {
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
      if (typed.data() instanceof HeartbeatPayload) {
        typedCount++;
      }
      assertSameMeaning(frame, typed);
    }
    assertThat(typedCount).as("mutations the typed reader still took").isGreaterThan(1_000);
  }

  /**
   * The typed decoding means what the generic one means: the payload {@code from} makes of the
   * generic data, or that very data when the reader handed the frame back.
   */
  private static void assertSameMeaning(byte[] frame, Message typed) throws ProtocolException {
    Message generic = MessageCodec.decode(frame);
    assertThat(typed.type()).isEqualTo(generic.type());
    assertThat(typed.nodeId()).isEqualTo(generic.nodeId());
    if (typed.data() instanceof HeartbeatPayload payload
        && generic.type().equals(MessageType.HEARTBEAT)) {
      assertThat(payload).isEqualTo(HeartbeatPayload.from(generic.data()));
    } else {
      assertThat(typed.data()).isEqualTo(generic.data());
    }
  }

  private static Map<Object, Object> data(Object... keysAndValues) {
    Map<Object, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      data.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return data;
  }

  private static byte[] frame(Object data) {
    return MessageCodec.encode(new Message(MessageType.HEARTBEAT, data, "w"));
  }

  private static byte[] replace(byte[] frame, String from, String to) {
    byte[] a = from.getBytes(StandardCharsets.US_ASCII);
    byte[] b = to.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + a.length <= frame.length; i++) {
      if (Arrays.equals(frame, i, i + a.length, a, 0, a.length)) {
        byte[] copy = frame.clone();
        System.arraycopy(b, 0, copy, i, b.length);
        return copy;
      }
    }
    throw new AssertionError(from + " not in the frame");
  }

  private static void writeFixStr(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    out.write(0xa0 | bytes.length);
    out.writeBytes(bytes);
  }
}
