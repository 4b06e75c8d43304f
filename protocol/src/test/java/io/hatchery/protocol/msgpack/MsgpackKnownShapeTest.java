package io.hatchery.protocol.msgpack;

import static io.hatchery.protocol.msgpack.MsgpackValues.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reads a typed reader makes when it knows the shape to expect: {@link
 * MsgpackReader#skipStringIfEquals} for the next key, {@link MsgpackReader#readCountPairs} for a
 * run of int pairs. Each either reads exactly what it promises or leaves the position where it was.
 */
@Timeout(10)
class MsgpackKnownShapeTest {

  @Test
  void skipStringIfEqualsMatchesEveryLengthAndMissesEveryDifferentByte() throws Exception {
    Random random = new Random(11);
    for (int length = 0; length <= 40; length++) {
      byte[] key = new byte[length];
      for (int i = 0; i < length; i++) {
        key[i] = (byte) ('a' + random.nextInt(26));
      }
      byte[] frame = framed(key, (byte) 0x07);
      MsgpackReader reader = new MsgpackReader(frame, DecodeLimits.DEFAULT);
      assertThat(reader.skipStringIfEquals(key)).as("length %d", length).isTrue();
      assertThat(reader.readInt()).as("the value after the key").isEqualTo(7);

      for (int differing = 0; differing < length; differing++) {
        byte[] other = key.clone();
        other[differing] ^= 0x20;
        MsgpackReader miss = new MsgpackReader(frame, DecodeLimits.DEFAULT);
        assertThat(miss.skipStringIfEquals(other))
            .as("length %d, byte %d differs", length, differing)
            .isFalse();
        assertThat(miss.offset()).isZero();
      }
      if (length > 0) {
        MsgpackReader shorter = new MsgpackReader(frame, DecodeLimits.DEFAULT);
        assertThat(shorter.skipStringIfEquals(Arrays.copyOf(key, length - 1))).isFalse();
        assertThat(shorter.offset()).isZero();
      }
    }
  }

  @Test
  void skipStringIfEqualsReadsNothingOfAFrameThatEndsInsideTheKey() throws Exception {
    byte[] key = "total_content_length".getBytes(StandardCharsets.UTF_8);
    byte[] frame = framed(key, (byte) 0x07);
    for (int cut = 0; cut < frame.length - 1; cut++) {
      MsgpackReader reader = new MsgpackReader(Arrays.copyOf(frame, cut), DecodeLimits.DEFAULT);
      assertThat(reader.skipStringIfEquals(key)).as("cut at %d", cut).isFalse();
      assertThat(reader.offset()).isZero();
    }
  }

  @ParameterizedTest
  @CsvSource({
    // fixint pairs, then a whole float64 key (100.0, as Locust sends buckets from 100 ms)
    "01 02 7f 00 cb4059000000000000 05, 8, 3, 1 127 100, 2 0 5",
    // a whole float32 key (100.0), and -0.0
    "ca42c80000 03 cb8000000000000000 04, 8, 2, 100 0, 3 4",
    // a float key with a fraction (100.5), NaN, an infinity, 2^63: each ends the run
    "01 02 cb4059200000000000 05, 8, 1, 1, 2",
    "01 02 cb7ff8000000000000 05, 8, 1, 1, 2",
    "01 02 cbfff0000000000000 05, 8, 1, 1, 2",
    "01 02 cb43e0000000000000 05, 8, 1, 1, 2",
    // a float value is not a count
    "01 cb4059000000000000, 8, 0, '', ''",
    // every int width as key and value, negative keys included
    "cc80 cd0100 d0df ce00010000 e0 7f, 3, 3, 128 -33 -32, 256 65536 127",
    // a negative value ends the run before its pair
    "01 02 03 ff, 2, 1, 1, 2",
    "01 02 03 d0df, 2, 1, 1, 2",
    // a nil value, a str key: nothing read
    "01 c0, 1, 0, '', ''",
    "a161 01, 1, 0, '', ''",
    // maxPairs stops the run
    "01 02 03 04, 1, 1, 1, 2",
  })
  void readCountPairsReadsTheRunOfWholeNumberKeysAndCountsAndNoMore(
      String frameHex, int maxPairs, int expectedPairs, String keys, String values)
      throws ProtocolException {
    byte[] frame = hex(frameHex);
    long[] readKeys = new long[8];
    long[] readValues = new long[8];
    MsgpackReader reader = new MsgpackReader(frame, DecodeLimits.DEFAULT);

    int read = reader.readCountPairs(readKeys, readValues, maxPairs);

    assertThat(read).isEqualTo(expectedPairs);
    assertThat(Arrays.copyOf(readKeys, read)).containsExactly(longs(keys));
    assertThat(Arrays.copyOf(readValues, read)).containsExactly(longs(values));
    long consumed = frame.length - reader.remainingBytes();
    MsgpackReader again = new MsgpackReader(frame, DecodeLimits.DEFAULT);
    for (int i = 0; i < read; i++) {
      if (again.nextIsFloat()) {
        again.readFloat();
      } else {
        again.readInt();
      }
      again.readInt();
    }
    assertThat(consumed).as("position after the last pair read").isEqualTo(again.offset());
  }

  @Test
  void readCountPairsStopsAtTheArraysLength() throws ProtocolException {
    byte[] frame = hex("01 01 02 02 03 03");
    MsgpackReader reader = new MsgpackReader(frame, DecodeLimits.DEFAULT);

    assertThat(reader.readCountPairs(new long[2], new long[2], 3)).isEqualTo(2);
    assertThat(reader.readCountPairs(new long[2], new long[2], 1)).isEqualTo(1);
    assertThat(reader.remainingBytes()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"01 02 03", "01 02 cd01", "cd01", "01 cf8000000000000000", "01 02 cb40590000"})
  void readCountPairsRefusesAFrameThatEndsInsideAPairOrAnOversizedInt(String frameHex)
      throws ProtocolException {
    MsgpackReader reader = new MsgpackReader(hex(frameHex), DecodeLimits.DEFAULT);

    assertThatThrownBy(() -> reader.readCountPairs(new long[4], new long[4], 4))
        .isInstanceOf(ProtocolException.class);
  }

  /** {@code key} as a fixstr or str8, then {@code value} as a positive fixint. */
  private static byte[] framed(byte[] key, byte value) {
    byte[] header =
        key.length <= 31
            ? new byte[] {(byte) (0xa0 | key.length)}
            : new byte[] {(byte) 0xd9, (byte) key.length};
    byte[] frame = new byte[header.length + key.length + 1];
    System.arraycopy(header, 0, frame, 0, header.length);
    System.arraycopy(key, 0, frame, header.length, key.length);
    frame[frame.length - 1] = value;
    return frame;
  }

  private static long[] longs(String spaced) {
    return spaced.isBlank()
        ? new long[0]
        : Arrays.stream(spaced.trim().split(" +")).mapToLong(Long::parseLong).toArray();
  }
}
