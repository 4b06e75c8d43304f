package io.hatchery.stats;

import java.util.Map;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The worker-side recorder of one (name, method): two {@link IntervalBuffer}s swapped under {@link
 * WriterReaderPhaser}s, the pattern of HdrHistogram's {@code Recorder}. A writer enters the
 * critical section of its stripe's phaser (one atomic increment), records into the active buffer
 * and leaves (one more); the reporter swaps the buffers, then flips every stripe's phase (each flip
 * waits for the writers of that stripe that may still hold the old buffer) and drains the old
 * buffer alone. A writer entering a stripe after its flip reads the new buffer, because the swap
 * precedes the flip. No request can fall between two snapshots or into two.
 *
 * <p>Thread-safety: {@link #record} is lock-free and may run on any number of threads; {@link
 * #snapshot} takes every stripe's reader lock (in order), so concurrent snapshots serialize.
 */
final class RecordingEntry {

  final String name;
  final String method;

  /**
   * Writers spread over {@link #STRIPES} phasers by thread id, so two running threads rarely share
   * the phaser's counters (two atomic increments per request); the reporter flips them all.
   */
  static final int STRIPES = 4;

  private final WriterReaderPhaser[] phasers = new WriterReaderPhaser[STRIPES];

  /** Keeps the stripes' phasers on different cache lines (allocation is sequential in a TLAB). */
  @SuppressWarnings("unused")
  private final long[][] padding = new long[STRIPES][];

  private volatile IntervalBuffer active;
  private IntervalBuffer inactive;

  RecordingEntry(String name, String method, long nowMillis) {
    this.name = name;
    this.method = method;
    for (int i = 0; i < STRIPES; i++) {
      phasers[i] = new WriterReaderPhaser();
      padding[i] = new long[8];
    }
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
    WriterReaderPhaser phaser = phasers[(int) Thread.currentThread().threadId() & (STRIPES - 1)];
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
    for (WriterReaderPhaser phaser : phasers) {
      phaser.readerLock();
    }
    try {
      IntervalBuffer drained = active;
      inactive.startMillis = nowMillis;
      active = inactive;
      for (WriterReaderPhaser phaser : phasers) {
        phaser.flipPhase(); // a writer that read the old buffer entered before its stripe's flip
      }
      inactive = drained;
      return drained.drain(name, method, errorSink);
    } finally {
      for (WriterReaderPhaser phaser : phasers) {
        phaser.readerUnlock();
      }
    }
  }
}
