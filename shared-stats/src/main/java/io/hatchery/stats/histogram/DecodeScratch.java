package io.hatchery.stats.histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One thread's reusable state for {@link HistogramCodec#decode}: the {@link Inflater}, the inflated
 * bytes and the bins read so far. Reusing them is what keeps decoding a typical ~200-byte report
 * histogram near one microsecond; only the exactly sized result arrays are allocated per call.
 *
 * <p>Bounds: the inflated buffer grows only to the header's accepted payload length (at most {@link
 * HistogramCodec#MAX_ENCODED_BYTES}) and the bin arrays only to the number of bins actually read
 * (at most one per payload byte); {@link #trim()} drops anything above {@link #RETAINED_BYTES}
 * after each call, so one hostile histogram does not pin half a megabyte per thread.
 *
 * <p>Thread-safety: confined to one thread (held in a {@link ThreadLocal}).
 */
final class DecodeScratch {

  /** Buffer sizes kept between calls: a 10 x 50 report's histograms inflate to ~450 bytes. */
  private static final int RETAINED_BYTES = 16 * 1024;

  private static final int INITIAL_BINS = 256;

  private final Inflater inflater = new Inflater();
  private byte[] inflated = new byte[4096];
  private int[] indexes = new int[INITIAL_BINS];
  private long[] counts = new long[INITIAL_BINS];

  /**
   * Inflates everything after the 8-byte outer header of {@code bytes} in one pass.
   *
   * @return the accepted payload length, whose bytes follow the header in {@link #inflated}, or -1
   */
  int inflate(byte[] bytes) throws DataFormatException {
    inflater.reset();
    inflater.setInput(bytes, 8, bytes.length - 8);
    int length = inflater.inflate(inflated);
    if (length < HistogramCodec.HEADER_BYTES) {
      return -1;
    }
    int payloadLength =
        HistogramCodec.acceptedPayloadLength(
            ByteBuffer.wrap(inflated, 0, HistogramCodec.HEADER_BYTES));
    if (payloadLength < 0) {
      return -1;
    }
    int needed = HistogramCodec.HEADER_BYTES + payloadLength;
    if (length < needed && length == inflated.length && !inflater.finished()) {
      inflated = Arrays.copyOf(inflated, needed);
      length += inflater.inflate(inflated, length, needed - length);
    }
    return length >= needed ? payloadLength : -1;
  }

  /**
   * Reads the payload's bins, rejecting out-of-range indexes and a total other than {@code
   * expectedTotalCount}.
   *
   * @return the counts, or {@code null} if invalid
   * @throws IllegalArgumentException if a count runs past the payload
   * @throws ArithmeticException if the counts overflow
   */
  HistogramCounts parse(int payloadLength, long expectedTotalCount) {
    ZigZag reader = ZigZag.reader(inflated, HistogramCodec.HEADER_BYTES + payloadLength);
    reader.skip(HistogramCodec.HEADER_BYTES);
    int size = 0;
    long index = 0;
    long total = 0;
    while (reader.hasRemaining()) {
      long count = reader.getLong();
      if (count < -(HistogramCodec.MAX_INDEX + 1L)) {
        return null;
      } else if (count < 0) {
        index -= count; // a run of -count empty bins
      } else if (count == 0) {
        index++;
      } else {
        if (index > HistogramCodec.MAX_INDEX) {
          return null;
        }
        if (size == indexes.length) {
          indexes = Arrays.copyOf(indexes, size * 2);
          counts = Arrays.copyOf(counts, size * 2);
        }
        indexes[size] = (int) index;
        counts[size++] = count;
        total = Math.addExact(total, count);
        index++;
      }
      if (index > HistogramCodec.MAX_INDEX + 1L) {
        return null;
      }
    }
    if (total != expectedTotalCount) {
      return null;
    }
    return new HistogramCounts(Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size), total);
  }

  /** Drops buffers that a large histogram grew beyond what is worth keeping per thread. */
  void trim() {
    if (inflated.length > RETAINED_BYTES) {
      inflated = new byte[4096];
    }
    if (indexes.length * (Integer.BYTES + Long.BYTES) > RETAINED_BYTES) {
      indexes = new int[INITIAL_BINS];
      counts = new long[INITIAL_BINS];
    }
  }
}
