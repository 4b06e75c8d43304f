package io.hatchery.stats;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker's request statistics: the hot path behind every request ({@code log_request} and
 * {@code log_error} in locust/stats.py 2.12.1) and the 3-second report that takes and resets the
 * deltas ({@code on_report_to_master}).
 *
 * <pre>{@code
 * StatsRecorder stats = new StatsRecorder(InstantSource.system());
 * stats.record("/items", "GET", 12.7, 512);                          // from any user thread
 * stats.recordFailure("/items", "GET", 3.1, 0, ErrorTexts.ofException("HTTPError", "503"));
 * StatsReport report = stats.snapshot();                             // reporter, every 3 s
 * }</pre>
 *
 * <p>Response times are {@code double} milliseconds, Locust's unit and type: buckets, minimum,
 * maximum and total are computed from the exact value just as a Python worker does with its float
 * {@code perf_counter} deltas, so the same latency gives the same report (a {@code long} would
 * truncate 12.7 ms into bucket 12 instead of 13; integral millisecond values widen exactly). Each
 * request is also counted in an exact histogram (&micro;s, 3 significant digits).
 *
 * <p>Thread-safety: {@code record} and {@code recordFailure} are lock-free and, once the (name,
 * method) entry exists, allocation-free: a two-level {@link ConcurrentHashMap} lookup (name, then
 * method; no key object), a clock read, then atomic counters inside a writer-reader phaser. Only
 * the first request of a new (name, method), and the first occurrence of an error text in an
 * interval, insert into a {@link ConcurrentHashMap} (its short bin lock; a SHA-256 for the error
 * key). {@link #snapshot()} may run concurrently with recording and loses nothing: every request is
 * in exactly one snapshot, and each snapshot is internally consistent. Snapshots are serialized by
 * a lock that writers never touch. The clock is read once per request and once per snapshot.
 */
public final class StatsRecorder {

  private final InstantSource clock;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, RecordingEntry>> byName =
      new ConcurrentHashMap<>();
  private final ReentrantLock snapshotLock = new ReentrantLock();
  private long intervalStartMillis;

  /** Creates an empty recorder; the first interval starts now. */
  public StatsRecorder(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.intervalStartMillis = clock.millis();
  }

  /**
   * Records a successful request.
   *
   * @param responseTimeMillis response time in milliseconds, finite and &ge; 0
   * @param contentLengthBytes response body length in bytes, &ge; 0
   * @throws IllegalArgumentException for a negative or non-finite time or a negative length
   */
  public void record(
      String name, String method, double responseTimeMillis, long contentLengthBytes) {
    check(responseTimeMillis, contentLengthBytes);
    entry(name, method).record(clock.millis(), responseTimeMillis, contentLengthBytes, null);
  }

  /**
   * Records a failed request: counted as a request (with its response time) and as a failure with
   * {@code errorText}, in the same snapshot; Locust's {@code on_request_failure}.
   *
   * @param errorText the wire text of the error, see {@link ErrorTexts}; reuse equal strings
   * @throws IllegalArgumentException as {@link #record}
   */
  public void recordFailure(
      String name,
      String method,
      double responseTimeMillis,
      long contentLengthBytes,
      String errorText) {
    check(responseTimeMillis, contentLengthBytes);
    Objects.requireNonNull(errorText, "errorText");
    entry(name, method).record(clock.millis(), responseTimeMillis, contentLengthBytes, errorText);
  }

  /**
   * Takes every entry's figures since the previous snapshot and resets them. Entries without
   * requests or failures are omitted; the total is built from the entries (it always equals their
   * sum, as Locust's does) and starts at the previous snapshot.
   */
  public StatsReport snapshot() {
    snapshotLock.lock();
    try {
      long now = clock.millis();
      List<EntryReport> reports = new ArrayList<>();
      Map<String, StatsError> errors = new LinkedHashMap<>();
      StatsEntry total =
          new StatsEntry(RequestStats.TOTAL_NAME, "", intervalStartMillis / 1000.0, false);
      for (Map<String, RecordingEntry> byMethod : byName.values()) {
        for (RecordingEntry entry : byMethod.values()) {
          EntryReport report = entry.snapshot(now, errors);
          if (report != null) {
            reports.add(report);
            total.extend(report);
          }
        }
      }
      intervalStartMillis = now;
      return new StatsReport(reports, total.toReport(), errors);
    } finally {
      snapshotLock.unlock();
    }
  }

  /** Discards everything recorded so far (Locust's {@code clear_all} on a first spawn). */
  public void clear() {
    snapshot();
  }

  private RecordingEntry entry(String name, String method) {
    ConcurrentHashMap<String, RecordingEntry> byMethod = byName.get(name);
    if (byMethod != null) {
      RecordingEntry entry = byMethod.get(method);
      if (entry != null) {
        return entry;
      }
    }
    return createEntry(name, method);
  }

  private RecordingEntry createEntry(String name, String method) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    return byName
        .computeIfAbsent(name, n -> new ConcurrentHashMap<>())
        .computeIfAbsent(method, m -> new RecordingEntry(name, m, clock.millis()));
  }

  private static void check(double responseTimeMillis, long contentLengthBytes) {
    if (!(responseTimeMillis >= 0) || Double.isInfinite(responseTimeMillis)) {
      throw new IllegalArgumentException(
          "response time must be finite and >= 0: " + responseTimeMillis);
    }
    if (contentLengthBytes < 0) {
      throw new IllegalArgumentException("content length must be >= 0: " + contentLengthBytes);
    }
  }
}
