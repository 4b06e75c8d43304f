package io.hatchery.stats;

import io.hatchery.stats.histogram.HistogramCounts;
import io.hatchery.stats.histogram.LatencyCounts;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one entry for one report interval. Two of these alternate per {@link
 * RecordingEntry}: writers record into the active one while the reporter drains the other.
 *
 * <p>{@code num_requests} is the sum of the per-second counts, {@code num_failures} the sum of the
 * per-second failures and the timed count the sum of the buckets, so every report is consistent by
 * construction. Response times are stored as raw double bits in {@link LongAccumulator}s: for
 * non-negative doubles the bit patterns order like the values.
 *
 * <p>Thread-safety: {@code record*} methods may run concurrently; {@link #drain} requires that no
 * writer is active.
 */
final class IntervalBuffer {

  private static final long NO_MIN = Long.MAX_VALUE;
  private static final long NO_LAST = Long.MIN_VALUE;

  volatile long startMillis;
  private final SecondCounts seconds = new SecondCounts();
  private final AtomicLongArray buckets = new AtomicLongArray(ResponseTimeBuckets.DENSE_SIZE);
  private final Map<Long, LongAdder> overflowBuckets = new ConcurrentHashMap<>();
  private final LatencyCounts latencies = new LatencyCounts();
  private final DoubleAdder totalResponseTimeMillis = new DoubleAdder();
  private final LongAdder totalContentLength = new LongAdder();
  private final LongAccumulator maxBits = new LongAccumulator(Math::max, 0L);
  private final LongAccumulator minBits = new LongAccumulator(Math::min, NO_MIN);
  private final LongAccumulator lastMillis = new LongAccumulator(Math::max, NO_LAST);
  private final Map<String, ErrorCounter> errors = new ConcurrentHashMap<>();

  IntervalBuffer(long startMillis) {
    this.startMillis = startMillis;
  }

  void recordRequest(
      long nowMillis, long second, double millis, long bucket, long micros, long contentLength) {
    seconds.addRequest(second);
    int index = ResponseTimeBuckets.denseIndex(bucket);
    if (index >= 0) {
      buckets.getAndIncrement(index);
    } else {
      overflowBuckets.computeIfAbsent(bucket, b -> new LongAdder()).increment();
    }
    latencies.recordMicros(micros);
    totalResponseTimeMillis.add(millis);
    totalContentLength.add(contentLength);
    long bits = Double.doubleToRawLongBits(millis);
    maxBits.accumulate(bits);
    minBits.accumulate(bits);
    lastMillis.accumulate(nowMillis);
  }

  /** Returns whether this buffer already counts {@code errorText} (a hint; may change). */
  boolean knowsError(String errorText) {
    return errors.containsKey(errorText);
  }

  /**
   * Counts one occurrence of {@code errorText}.
   *
   * @param newErrorKey its key if the caller computed it (the text was new), else {@code null}
   */
  void recordError(long second, String errorText, String newErrorKey, String name, String method) {
    seconds.addFailure(second);
    ErrorCounter counter = errors.get(errorText);
    if (counter == null) {
      // putIfAbsent, not computeIfAbsent: no hashing while holding the map's bin lock
      String key = newErrorKey != null ? newErrorKey : ErrorKeys.key(method, name, errorText);
      ErrorCounter fresh = new ErrorCounter(key);
      counter = errors.putIfAbsent(errorText, fresh);
      if (counter == null) {
        counter = fresh;
      }
    }
    counter.occurrences.increment();
  }

  /**
   * Builds the report of this interval, adds its errors to {@code errorSink} and resets every
   * counter; error texts unused for a whole interval are forgotten so the table stays bounded.
   *
   * @return the report, or {@code null} if nothing was recorded (Locust omits such entries)
   */
  EntryReport drain(String name, String method, Map<String, StatsError> errorSink) {
    LongCounts reqsPerSec = new LongCounts();
    LongCounts failPerSec = new LongCounts();
    seconds.drainInto(reqsPerSec, failPerSec);
    LongCounts responseTimes = new LongCounts();
    for (int i = 0; i < ResponseTimeBuckets.DENSE_SIZE; i++) {
      long count = buckets.get(i);
      if (count != 0) {
        buckets.set(i, 0);
        responseTimes.add(ResponseTimeBuckets.bucketOfDenseIndex(i), count);
      }
    }
    overflowBuckets.forEach((bucket, n) -> responseTimes.add(bucket, n.sum()));
    overflowBuckets.clear();
    HistogramCounts histogram = latencies.drain();
    long timed = histogram.totalCount();
    double totalMillis = totalResponseTimeMillis.sumThenReset();
    long contentLength = totalContentLength.sumThenReset();
    long max = maxBits.getThenReset();
    long min = minBits.getThenReset();
    long last = lastMillis.getThenReset();
    drainErrors(name, method, errorSink);
    long numRequests = reqsPerSec.sum();
    long numFailures = failPerSec.sum();
    if (numRequests == 0 && numFailures == 0) {
      return null;
    }
    return new EntryReport(
        name,
        method,
        last == NO_LAST ? null : last / 1000.0,
        startMillis / 1000.0,
        numRequests,
        numRequests - timed,
        numFailures,
        totalMillis,
        Double.longBitsToDouble(max),
        min == NO_MIN ? null : Double.longBitsToDouble(min),
        contentLength,
        responseTimes,
        reqsPerSec,
        failPerSec,
        timed > 0 ? histogram : null);
  }

  private void drainErrors(String name, String method, Map<String, StatsError> errorSink) {
    for (Iterator<Map.Entry<String, ErrorCounter>> it = errors.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, ErrorCounter> e = it.next();
      long occurrences = e.getValue().occurrences.sumThenReset();
      if (occurrences == 0) {
        it.remove();
      } else {
        StatsError error = new StatsError(name, method, e.getKey(), occurrences);
        errorSink.merge(e.getValue().key, error, StatsError::plusAll);
      }
    }
  }
}
