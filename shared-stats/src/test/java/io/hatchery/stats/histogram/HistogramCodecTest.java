package io.hatchery.stats.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistogramCodecTest {

  @Test
  void decodesWhatItEncodes() {
    HistogramCounts counts = HistogramCounts.of(sample(1000));
    assertThat(HistogramCodec.decode(HistogramCodec.encode(counts), 1000)).contains(counts);
  }

  @Test
  void hdrHistogramReadsOurEncodingAndWeReadItsEncoding() throws Exception {
    Histogram histogram = sample(5000);
    byte[] ours = HistogramCodec.encode(HistogramCounts.of(histogram));
    assertThat(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(ours), 0))
        .isEqualTo(histogram);

    ByteBuffer theirs = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(theirs);
    assertThat(HistogramCodec.decode(Arrays.copyOf(theirs.array(), length), 5000))
        .contains(HistogramCounts.of(histogram));
  }

  @Test
  void histogramsLargerThanTheReusedBuffersDecodeAndLaterSmallOnesStillDo() {
    Histogram wide = HistogramCodec.newHistogram();
    Random random = new Random(11);
    for (int i = 0; i < 300_000; i++) {
      wide.recordValue(1 + (long) (random.nextDouble() * 80_000_000_000L));
    }
    HistogramCounts counts = HistogramCounts.of(wide);
    assertThat(counts.binCount()).isGreaterThan(4096);
    for (int i = 0; i < 2; i++) {
      assertThat(HistogramCodec.decode(HistogramCodec.encode(counts), 300_000)).contains(counts);
      HistogramCounts small = HistogramCounts.of(sample(100));
      assertThat(HistogramCodec.decode(HistogramCodec.encode(small), 100)).contains(small);
    }
  }

  @Test
  void aWrongTotalCountIsRejected() {
    byte[] bytes = HistogramCodec.encode(HistogramCounts.of(sample(10)));
    assertThat(HistogramCodec.decode(bytes, 11)).isEmpty();
  }

  @Test
  void garbageTruncationAndBitFlipsNeverThrow() {
    byte[] good = HistogramCodec.encode(HistogramCounts.of(sample(500)));
    Random random = new Random(3);
    assertThat(HistogramCodec.decode(null, 0)).isEmpty();
    assertThat(HistogramCodec.decode(new byte[0], 0)).isEmpty();
    assertThat(HistogramCodec.decode(new byte[HistogramCodec.MAX_ENCODED_BYTES + 1], 0)).isEmpty();
    for (int i = 0; i < 2000; i++) {
      byte[] garbage = new byte[random.nextInt(200)];
      random.nextBytes(garbage);
      assertThat(HistogramCodec.decode(garbage, 500)).isEmpty();
      byte[] truncated = Arrays.copyOf(good, random.nextInt(good.length));
      assertThat(HistogramCodec.decode(truncated, 500)).isEmpty();
      byte[] flipped = good.clone();
      flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
      HistogramCodec.decode(flipped, 500); // may decode or not; must not throw
    }
  }

  @Test
  void foreignLayoutsAndHugeRangesAreRejected() {
    assertThat(HistogramCodec.decode(forged(5, 1, 1_000_000, 0, new byte[0]), 0)).isEmpty();
    assertThat(HistogramCodec.decode(forged(3, 1, Long.MAX_VALUE / 2, 0, new byte[0]), 0))
        .isEmpty();
    assertThat(HistogramCodec.decode(forged(3, 1000, 1_000_000, 0, new byte[0]), 0)).isEmpty();
    assertThat(HistogramCodec.decode(forged(3, 1, 1_000_000, Integer.MAX_VALUE, new byte[0]), 0))
        .isEmpty();
    assertThat(HistogramCodec.decode(forged(3, 1, 1_000_000, 64, new byte[0]), 0)).isEmpty();
    assertThat(HistogramCodec.decode(forged(3, 1, 1_000_000, 0, new byte[0]), 0))
        .contains(HistogramCounts.empty());
  }

  @Test
  void indexesBeyondTheBoundAndOverflowingCountsAreRejected() {
    byte[] longRun = {(byte) 0xfd, (byte) 0xff, (byte) 0xff, (byte) 0x0f, 2}; // 2^27 zeros, then 1
    assertThat(HistogramCodec.decode(forged(3, 1, 2048, longRun.length, longRun), 1)).isEmpty();
    byte[] minRun = {
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      2
    }; // Long.MIN_VALUE, then 1
    assertThat(HistogramCodec.decode(forged(3, 1, 2048, minRun.length, minRun), 1)).isEmpty();
    byte[] huge = {
      (byte) 0xfe,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff
    };
    byte[] twoHuge = new byte[18];
    System.arraycopy(huge, 0, twoHuge, 0, 9);
    System.arraycopy(huge, 0, twoHuge, 9, 9); // two counts of Long.MAX_VALUE
    assertThat(HistogramCodec.decode(forged(3, 1, 2048, 18, twoHuge), -2)).isEmpty();
  }

  private static Histogram sample(int n) {
    Histogram histogram = HistogramCodec.newHistogram();
    Random random = new Random(n);
    for (int i = 0; i < n; i++) {
      histogram.recordValue((long) (Math.exp(random.nextGaussian() + 9)));
    }
    return histogram;
  }

  private static byte[] forged(
      int digits, long lowest, long highest, int payloadLength, byte[] payload) {
    ByteBuffer raw = ByteBuffer.allocate(40 + payload.length);
    raw.putInt(0x1c849313).putInt(payloadLength).putInt(0).putInt(digits);
    raw.putLong(lowest).putLong(highest).putDouble(1.0);
    raw.put(payload);
    Deflater deflater = new Deflater();
    deflater.setInput(raw.array());
    deflater.finish();
    byte[] out = new byte[raw.capacity() + 64];
    int n = deflater.deflate(out);
    deflater.end();
    ByteBuffer framed = ByteBuffer.allocate(8 + n);
    framed.putInt(0x1c849314).putInt(n).put(out, 0, n);
    return framed.array();
  }
}
