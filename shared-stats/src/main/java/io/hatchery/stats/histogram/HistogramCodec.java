package io.hatchery.stats.histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;

/**
 * The bytes of the {@code hdr_histogram} key: HdrHistogram's V2 compressed encoding of an interval
 * histogram of response times in microseconds (lowest discernible value 1 &micro;s, 3 significant
 * digits), as written by {@link Histogram#encodeIntoCompressedByteBuffer}.
 *
 * <p>{@link #decode(byte[], long)} treats the bytes as hostile: it checks the size, the cookies and
 * the inflated header (digits, range, payload length) before HdrHistogram allocates anything, then
 * requires the decoded total count to equal the entry's timed request count. Any failure yields
 * {@link Optional#empty()}; it never throws.
 *
 * <p>Thread-safety: stateless.
 */
public final class HistogramCodec {

  /** Significant value digits of every histogram we create and accept. */
  public static final int SIGNIFICANT_DIGITS = 3;

  /** Largest accepted encoding; a dense 24 h histogram encodes to about 260 KB. */
  public static final int MAX_ENCODED_BYTES = 512 * 1024;

  private static final int COMPRESSED_COOKIE = 0x1c849304 | 0x10;
  private static final int UNCOMPRESSED_COOKIE = 0x1c849303 | 0x10;
  private static final int HEADER_BYTES = 40;
  private static final long MAX_HIGHEST_TRACKABLE = 1L << 40;

  private HistogramCodec() {}

  /** Returns a new empty, auto-resizing histogram in our format. */
  public static Histogram newHistogram() {
    return new Histogram(SIGNIFICANT_DIGITS);
  }

  /** Encodes {@code histogram} in HdrHistogram's compressed V2 form. */
  public static byte[] encode(Histogram histogram) {
    int needed = histogram.getNeededByteBufferCapacity();
    // Deflate can expand incompressible input slightly; a short buffer would truncate silently.
    ByteBuffer buffer = ByteBuffer.allocate(needed + needed / 8 + 64);
    int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
    return Arrays.copyOf(buffer.array(), length);
  }

  /**
   * Decodes a peer's histogram.
   *
   * @param bytes the encoding, possibly malformed or malicious
   * @param expectedTotalCount the entry's timed request count ({@code num_requests -
   *     num_none_requests}); a histogram with another total is rejected
   * @return the histogram, or empty if the bytes are not an acceptable histogram
   */
  public static Optional<Histogram> decode(byte[] bytes, long expectedTotalCount) {
    if (bytes == null || bytes.length < 8 || bytes.length > MAX_ENCODED_BYTES) {
      return Optional.empty();
    }
    try {
      if (!headerAcceptable(bytes)) {
        return Optional.empty();
      }
      Histogram histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
      if (histogram.getTotalCount() != expectedTotalCount) {
        return Optional.empty();
      }
      return Optional.of(histogram);
    } catch (DataFormatException | RuntimeException e) {
      // HdrHistogram reports bad input with IllegalArgumentException, IndexOutOfBounds,
      // BufferUnderflow and plain RuntimeException; all mean "not a usable histogram".
      return Optional.empty();
    }
  }

  private static boolean headerAcceptable(byte[] bytes) throws DataFormatException {
    ByteBuffer outer = ByteBuffer.wrap(bytes);
    if (outer.getInt() != COMPRESSED_COOKIE) {
      return false;
    }
    int compressedLength = outer.getInt();
    if (compressedLength <= 0 || compressedLength != bytes.length - 8) {
      return false;
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes, 8, compressedLength);
      byte[] header = new byte[HEADER_BYTES];
      if (inflater.inflate(header) != HEADER_BYTES) {
        return false;
      }
      ByteBuffer h = ByteBuffer.wrap(header);
      int cookie = h.getInt();
      int payloadLength = h.getInt();
      int normalizingIndexOffset = h.getInt();
      int digits = h.getInt();
      long lowest = h.getLong();
      long highest = h.getLong();
      double conversionRatio = h.getDouble();
      return cookie == UNCOMPRESSED_COOKIE
          && payloadLength >= 0
          && payloadLength <= MAX_ENCODED_BYTES
          && normalizingIndexOffset == 0
          && digits == SIGNIFICANT_DIGITS
          && lowest == 1
          && highest >= 2
          && highest <= MAX_HIGHEST_TRACKABLE
          && conversionRatio == 1.0;
    } finally {
      inflater.end();
    }
  }
}
