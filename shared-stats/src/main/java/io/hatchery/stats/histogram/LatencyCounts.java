package io.hatchery.stats.histogram;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Lock-free counts of response times in microseconds, laid out exactly like an HdrHistogram {@link
 * org.HdrHistogram.Histogram} with 3 significant digits and a lowest discernible value of 1
 * &micro;s, so that {@link #drain()} yields the bins a {@code recordValue} would have filled.
 *
 * <p>Counts live in chunks of 1024 {@code AtomicLongArray} slots (one half-bucket of the histogram)
 * that are allocated the first time a value falls into them and then kept: after warm-up {@link
 * #recordMicros(long)} is one array lookup and one atomic increment, allocation-free. A typical
 * 5&ndash;500 ms latency range touches 7 chunks (56 KB).
 *
 * <p>Thread-safety: {@link #recordMicros(long)} may be called from any number of threads at once.
 * {@link #drain()} must only run while no writer is recording (the caller guarantees this with a
 * {@link org.HdrHistogram.WriterReaderPhaser}, as {@code StatsRecorder} does).
 */
public final class LatencyCounts {

  /** Values above this (24 h in &micro;s) are counted as this value. */
  public static final long MAX_TRACKABLE_MICROS = 86_400_000_000L;

  private static final int HALF_COUNT_MAGNITUDE = 10; // 3 significant digits: 2048 sub-buckets
  private static final int CHUNK_SIZE = 1 << HALF_COUNT_MAGNITUDE;
  private static final long SUB_BUCKET_MASK = (1L << (HALF_COUNT_MAGNITUDE + 1)) - 1;
  private static final int LEADING_ZERO_COUNT_BASE = 64 - (HALF_COUNT_MAGNITUDE + 1);

  private final AtomicReferenceArray<AtomicLongArray> chunks =
      new AtomicReferenceArray<>((countsIndex(MAX_TRACKABLE_MICROS) >>> HALF_COUNT_MAGNITUDE) + 1);

  /**
   * Counts one response time.
   *
   * @param micros response time in microseconds; negative values count as 0, values above {@link
   *     #MAX_TRACKABLE_MICROS} as that maximum
   */
  public void recordMicros(long micros) {
    long value = Math.min(Math.max(micros, 0), MAX_TRACKABLE_MICROS);
    int index = countsIndex(value);
    int chunkIndex = index >>> HALF_COUNT_MAGNITUDE;
    AtomicLongArray chunk = chunks.get(chunkIndex);
    if (chunk == null) {
      chunk = createChunk(chunkIndex);
    }
    chunk.getAndIncrement(index & (CHUNK_SIZE - 1));
  }

  /**
   * Moves every count into a new {@link HistogramCounts} and zeroes this structure.
   *
   * @return the counts, {@link HistogramCounts#empty()} if there were none
   */
  public HistogramCounts drain() {
    int[] indexes = new int[32];
    long[] counts = new long[32];
    int size = 0;
    long total = 0;
    for (int c = 0; c < chunks.length(); c++) {
      AtomicLongArray chunk = chunks.get(c);
      for (int i = 0; chunk != null && i < CHUNK_SIZE; i++) {
        long count = chunk.get(i);
        if (count != 0) {
          chunk.set(i, 0);
          if (size == indexes.length) {
            indexes = Arrays.copyOf(indexes, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
          }
          indexes[size] = (c << HALF_COUNT_MAGNITUDE) + i;
          counts[size++] = count;
          total += count;
        }
      }
    }
    if (size == 0) {
      return HistogramCounts.empty();
    }
    return new HistogramCounts(Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size), total);
  }

  /** Returns the sum of all counts; only meaningful while no writer is recording. */
  public long totalCount() {
    long total = 0;
    for (int c = 0; c < chunks.length(); c++) {
      AtomicLongArray chunk = chunks.get(c);
      for (int i = 0; chunk != null && i < CHUNK_SIZE; i++) {
        total += chunk.get(i);
      }
    }
    return total;
  }

  /** HdrHistogram's {@code countsArrayIndex} for unit magnitude 0 and 3 significant digits. */
  static int countsIndex(long value) {
    int bucketIndex = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
    int subBucketIndex = (int) (value >>> bucketIndex);
    return ((bucketIndex + 1) << HALF_COUNT_MAGNITUDE) + (subBucketIndex - CHUNK_SIZE);
  }

  /** HdrHistogram's {@code valueFromIndex}: the lowest value counted at {@code index}. */
  static long valueFromIndex(int index) {
    int bucketIndex = (index >> HALF_COUNT_MAGNITUDE) - 1;
    int subBucketIndex = (index & (CHUNK_SIZE - 1)) + CHUNK_SIZE;
    if (bucketIndex < 0) {
      subBucketIndex -= CHUNK_SIZE;
      bucketIndex = 0;
    }
    return ((long) subBucketIndex) << bucketIndex;
  }

  private AtomicLongArray createChunk(int chunkIndex) {
    AtomicLongArray fresh = new AtomicLongArray(CHUNK_SIZE);
    return chunks.compareAndSet(chunkIndex, null, fresh) ? fresh : chunks.get(chunkIndex);
  }
}
