package io.hatchery.stats;

import java.util.Map;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The worker-side recorder of one (name, method): two {@link IntervalBuffer}s swapped under a
 * {@link WriterReaderPhaser}, the pattern of HdrHistogram's {@code Recorder}. Writers enter the
 * phaser's critical section (one atomic increment), record into the active buffer and leave (one
 * more); the reporter swaps the buffers, flips the phase (waiting for writers still in the old
 * buffer) and then drains the old buffer alone. No request can fall between two snapshots.
 *
 * <p>Thread-safety: {@link #record} is lock-free and may run on any number of threads; {@link
 * #snapshot} takes the phaser's reader lock, so concurrent snapshots serialize.
 */
final class RecordingEntry {

  final String name;
  final String method;
  private final WriterReaderPhaser phaser = new WriterReaderPhaser();
  private volatile IntervalBuffer active;
  private IntervalBuffer inactive;

  RecordingEntry(String name, String method, long nowMillis) {
    this.name = name;
    this.method = method;
    this.active = new IntervalBuffer(nowMillis);
    this.inactive = new IntervalBuffer(nowMillis);
  }

  /**
   * Records one request, and its error if {@code errorText} is not {@code null}.
   *
   * @param responseTimeMillis finite and &ge; 0 (checked by the caller)
   */
  void record(long nowMillis, double responseTimeMillis, long contentLength, String errorText) {
    double millis = responseTimeMillis + 0.0; // turns -0.0 into +0.0 so the bit order holds
    long second = Math.floorDiv(nowMillis, 1000);
    long bucket = ResponseTimeBuckets.bucketOf(millis);
    long micros = Math.round(millis * 1000.0);
    // The SHA-256 of a new error text is computed before entering, so the critical section never
    // runs it: the reporter's flip waits for writers inside it.
    String newErrorKey =
        errorText != null && !active.knowsError(errorText)
            ? ErrorKeys.key(method, name, errorText)
            : null;
    long critical = phaser.writerCriticalSectionEnter();
    try {
      IntervalBuffer buffer = active;
      buffer.recordRequest(nowMillis, second, millis, bucket, micros, contentLength);
      if (errorText != null) {
        buffer.recordError(second, errorText, newErrorKey, name, method);
      }
    } finally {
      phaser.writerCriticalSectionExit(critical);
    }
  }

  /**
   * Takes this entry's figures since the previous snapshot and starts a new interval at {@code
   * nowMillis}.
   *
   * @return the report, or {@code null} if the interval had no requests and no failures
   */
  EntryReport snapshot(long nowMillis, Map<String, StatsError> errorSink) {
    phaser.readerLock();
    try {
      IntervalBuffer drained = active;
      inactive.startMillis = nowMillis;
      active = inactive;
      phaser.flipPhase();
      inactive = drained;
      return drained.drain(name, method, errorSink);
    } finally {
      phaser.readerUnlock();
    }
  }
}
