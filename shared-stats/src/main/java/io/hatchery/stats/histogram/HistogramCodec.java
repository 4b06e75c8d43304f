package io.hatchery.stats.histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * The bytes of the {@code hdr_histogram} key: HdrHistogram's V2 compressed encoding (as {@link
 * Histogram#encodeIntoCompressedByteBuffer} writes and {@link
 * Histogram#decodeFromCompressedByteBuffer} reads it) of response times in microseconds, lowest
 * discernible value 1 &micro;s, 3 significant digits. Any HdrHistogram implementation can read what
 * we write; we read what HdrHistogram writes for that layout.
 *
 * <p>{@link #decode(byte[], long)} treats the bytes as hostile and parses them itself, straight
 * into sparse {@link HistogramCounts}: it bounds the encoded and inflated sizes, checks the cookies
 * and header (digits, lowest value, range, offset), bounds every counts index, and requires the
 * total to equal the entry's timed request count. Any failure yields {@link Optional#empty()}; it
 * never throws and never allocates more than the bounded payload.
 *
 * <p>Compression: zlib (the stream HdrHistogram's own readers expect) at zlib's default level 6,
 * not {@link Deflater#BEST_SPEED}. Inflating a dynamic-Huffman block costs ~1.5 &micro;s of table
 * building even for 200 bytes, while a fixed-Huffman block needs none; zlib writes whichever block
 * type is smaller. For a 10 x 50 report's histograms (~190 bins, ~400 inflated bytes), level 6
 * writes a 206-byte fixed-Huffman block that inflates in ~1.0 &micro;s. Level 1 writes a 215-byte
 * dynamic block that takes ~2.7 &micro;s. Larger histograms (hundreds of bins, uneven counts) get
 * dynamic blocks at every level (2&ndash;16 &micro;s for 250&ndash;5,700 inflated bytes). Stored
 * (level 0) blocks would inflate 5&ndash;10x faster at twice the bytes; the issue wants the bytes
 * compressed. Raw deflate without the zlib wrapper would save ~0.1 &micro;s (Adler-32) but no
 * HdrHistogram reader could read it. The numbers are in bench/README.md. Encoding runs on the
 * worker, once per entry every 3 s, and costs about the same at either level.
 *
 * <p>Thread-safety: safe for concurrent use; each decoding thread reuses its own {@link Inflater}
 * and buffers (~40 KB, the master's aggregation thread in practice).
 */
public final class HistogramCodec {

  /** Significant value digits of every histogram we create and accept. */
  public static final int SIGNIFICANT_DIGITS = 3;

  /** Largest accepted encoding, compressed or inflated; a dense 24 h histogram needs ~260 KB. */
  public static final int MAX_ENCODED_BYTES = 512 * 1024;

  private static final int COMPRESSED_COOKIE = 0x1c849304 | 0x10;
  private static final int UNCOMPRESSED_COOKIE = 0x1c849303 | 0x10;
  static final int HEADER_BYTES = 40;
  private static final long MAX_HIGHEST_TRACKABLE = 1L << 40;
  static final int MAX_INDEX = LatencyCounts.countsIndex(MAX_HIGHEST_TRACKABLE);

  /**
   * zlib's native setup costs more than inflating a typical report: keep an {@link Inflater} and
   * the buffers per thread.
   */
  private static final ThreadLocal<DecodeScratch> SCRATCH =
      ThreadLocal.withInitial(DecodeScratch::new);

  private HistogramCodec() {}

  /** Returns a new empty, auto-resizing histogram in our layout. */
  public static Histogram newHistogram() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  /** Encodes {@code counts} in HdrHistogram's compressed V2 form. */
  public static byte[] encode(HistogramCounts counts) {
    ZigZag payload = ZigZag.writer(counts.binCount() * 3 + 8);
    int nextIndex = 0;
    for (int bin = 0; bin < counts.binCount(); bin++) {
      int gap = counts.index(bin) - nextIndex;
      if (gap == 1) {
        payload.putLong(0);
      } else if (gap > 1) {
        payload.putLong(-gap); // a run of empty bins
      }
      payload.putLong(counts.count(bin));
      nextIndex = counts.index(bin) + 1;
    }
    long highest = Math.max(2, LatencyCounts.valueFromIndex(nextIndex) - 1);
    ByteBuffer raw = ByteBuffer.allocate(HEADER_BYTES + payload.position());
    raw.putInt(UNCOMPRESSED_COOKIE).putInt(payload.position()).putInt(0);
    raw.putInt(SIGNIFICANT_DIGITS).putLong(1).putLong(highest).putDouble(1.0);
    raw.put(payload.array(), 0, payload.position());

    // A fresh Deflater per call, ended at once: its native state is ~260 KB, too much to pin per
    // (possibly virtual) reporter thread for a call made once per entry every 3 s.
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(raw.array());
      deflater.finish();
      byte[] out = new byte[raw.capacity() + raw.capacity() / 8 + 64];
      int length = 8;
      while (!deflater.finished()) {
        if (length == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        length += deflater.deflate(out, length, out.length - length);
      }
      ByteBuffer.wrap(out).putInt(COMPRESSED_COOKIE).putInt(length - 8);
      return Arrays.copyOf(out, length);
    } finally {
      deflater.end();
    }
  }

  /**
   * Decodes a peer's histogram.
   *
   * @param bytes the encoding, possibly malformed or malicious
   * @param expectedTotalCount the entry's timed request count ({@code num_requests -
   *     num_none_requests}); a histogram with another total is rejected
   * @return the counts, or empty if the bytes are not an acceptable histogram
   */
  public static Optional<HistogramCounts> decode(byte[] bytes, long expectedTotalCount) {
    if (bytes == null || bytes.length < 8 || bytes.length > MAX_ENCODED_BYTES) {
      return Optional.empty();
    }
    ByteBuffer outer = ByteBuffer.wrap(bytes);
    if (outer.getInt() != COMPRESSED_COOKIE || outer.getInt() != bytes.length - 8) {
      return Optional.empty();
    }
    DecodeScratch scratch = SCRATCH.get();
    try {
      int payloadLength = scratch.inflate(bytes);
      if (payloadLength < 0) {
        return Optional.empty();
      }
      return Optional.ofNullable(scratch.parse(payloadLength, expectedTotalCount));
    } catch (DataFormatException | IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    } finally {
      scratch.trim();
    }
  }

  /** Returns the payload length if the header is one of ours, else -1. */
  static int acceptedPayloadLength(ByteBuffer h) {
    int cookie = h.getInt();
    int payloadLength = h.getInt();
    int normalizingIndexOffset = h.getInt();
    int digits = h.getInt();
    long lowest = h.getLong();
    long highest = h.getLong();
    double conversionRatio = h.getDouble();
    boolean ours =
        cookie == UNCOMPRESSED_COOKIE
            && payloadLength >= 0
            && payloadLength <= MAX_ENCODED_BYTES
            && normalizingIndexOffset == 0
            && digits == SIGNIFICANT_DIGITS
            && lowest == 1
            && highest >= 2
            && highest <= MAX_HIGHEST_TRACKABLE
            && conversionRatio == 1.0;
    return ours ? payloadLength : -1;
  }
}
