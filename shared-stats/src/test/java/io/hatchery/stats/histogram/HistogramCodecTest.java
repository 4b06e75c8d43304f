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
    Histogram histogram = sample(1000);
    byte[] bytes = HistogramCodec.encode(histogram);
    assertThat(HistogramCodec.decode(bytes, 1000)).contains(histogram);
  }

  @Test
  void aWrongTotalCountIsRejected() {
    byte[] bytes = HistogramCodec.encode(sample(10));
    assertThat(HistogramCodec.decode(bytes, 11)).isEmpty();
  }

  @Test
  void garbageTruncationAndBitFlipsNeverThrow() {
    byte[] good = HistogramCodec.encode(sample(500));
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
  void headersAskingForHugeHistogramsAreRejectedBeforeAllocating() {
    assertThat(HistogramCodec.decode(forgedHeader(5, 1, Long.MAX_VALUE / 2, 64), 0)).isEmpty();
    assertThat(HistogramCodec.decode(forgedHeader(3, 1, Long.MAX_VALUE / 2, 64), 0)).isEmpty();
    assertThat(HistogramCodec.decode(forgedHeader(3, 1000, 1_000_000, 64), 0)).isEmpty();
    assertThat(HistogramCodec.decode(forgedHeader(3, 1, 1_000_000, Integer.MAX_VALUE), 0))
        .isEmpty();
    assertThat(HistogramCodec.decode(forgedHeader(3, 1, 1_000_000, 0), 0))
        .contains(new Histogram(3));
  }

  @Test
  void aZeroRunBeyondTheCountsArrayIsRejected() {
    ByteBuffer payload = ByteBuffer.allocate(32);
    payload.put((byte) 0xfd).put((byte) 0xff).put((byte) 0xff).put((byte) 0x0f); // -(2^27) zigzag
    payload.put((byte) 2); // then a count of 1
    assertThat(HistogramCodec.decode(forged(3, 1, 2048, payload.flip()), 1)).isEmpty();
  }

  private static Histogram sample(int n) {
    Histogram histogram = HistogramCodec.newHistogram();
    Random random = new Random(n);
    for (int i = 0; i < n; i++) {
      histogram.recordValue((long) (Math.exp(random.nextGaussian() + 9)));
    }
    return histogram;
  }

  private static byte[] forgedHeader(int digits, long lowest, long highest, int payloadLength) {
    ByteBuffer raw = ByteBuffer.allocate(40);
    raw.putInt(0x1c849313).putInt(payloadLength).putInt(0).putInt(digits);
    raw.putLong(lowest).putLong(highest).putDouble(1.0);
    return compressed(raw.array(), 40);
  }

  private static byte[] forged(int digits, long lowest, long highest, ByteBuffer payload) {
    ByteBuffer raw = ByteBuffer.allocate(40 + payload.remaining());
    raw.putInt(0x1c849313).putInt(payload.remaining()).putInt(0).putInt(digits);
    raw.putLong(lowest).putLong(highest).putDouble(1.0);
    raw.put(payload);
    return compressed(raw.array(), raw.position());
  }

  private static byte[] compressed(byte[] raw, int length) {
    Deflater deflater = new Deflater();
    deflater.setInput(raw, 0, length);
    deflater.finish();
    byte[] out = new byte[length + 64];
    int n = deflater.deflate(out);
    deflater.end();
    ByteBuffer framed = ByteBuffer.allocate(8 + n);
    framed.putInt(0x1c849314).putInt(n).put(out, 0, n);
    return framed.array();
  }
}
