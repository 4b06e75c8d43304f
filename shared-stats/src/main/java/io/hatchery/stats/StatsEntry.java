package io.hatchery.stats;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The accumulated statistics of one (name, method), or of the total: Locust's {@code StatsEntry}
 * (locust/stats.py, 2.12.1) on the master side, fed by {@link #extend(EntryReport)}.
 *
 * <p>Besides Locust's fields it keeps an exact HdrHistogram (&micro;s, 3 significant digits) as
 * long as every contributor with timed requests sent one; {@link #responseTimePercentile} and
 * {@link #medianResponseTime} are then exact (clamped into [min, max]), otherwise they follow
 * Locust's bucket rules ({@link #bucketResponseTimePercentile}, {@link #bucketMedianResponseTime}).
 * Current percentiles always use buckets (the per-second cache holds bucket maps only).
 *
 * <p>Units: epoch seconds, milliseconds, bytes. Thread-safety: not thread-safe; confine each entry
 * (and its {@link RequestStats}) to one thread, e.g. the master's aggregation thread.
 */
public final class StatsEntry {

  private final String name;
  private final String method;
  private final ResponseTimesCache cache;
  private double startEpochSeconds;
  private double lastRequestEpochSeconds = Double.NaN;
  private long numRequests;
  private long numNoneRequests;
  private long numFailures;
  private double totalResponseTimeMillis;
  private double maxResponseTimeMillis;
  private double minResponseTimeMillis = Double.NaN;
  private long totalContentLengthBytes;
  private final LongCounts responseTimes;
  private final LongCounts numReqsPerSec;
  private final LongCounts numFailPerSec;
  private final ExactResponseTimes exact;

  private StatsEntry(StatsEntry source) {
    this.name = source.name;
    this.method = source.method;
    this.cache = source.cache == null ? null : source.cache.copy();
    this.startEpochSeconds = source.startEpochSeconds;
    this.lastRequestEpochSeconds = source.lastRequestEpochSeconds;
    this.numRequests = source.numRequests;
    this.numNoneRequests = source.numNoneRequests;
    this.numFailures = source.numFailures;
    this.totalResponseTimeMillis = source.totalResponseTimeMillis;
    this.maxResponseTimeMillis = source.maxResponseTimeMillis;
    this.minResponseTimeMillis = source.minResponseTimeMillis;
    this.totalContentLengthBytes = source.totalContentLengthBytes;
    this.responseTimes = source.responseTimes.copy();
    this.numReqsPerSec = source.numReqsPerSec.copy();
    this.numFailPerSec = source.numFailPerSec.copy();
    this.exact = source.exact.copy();
  }

  /**
   * Creates an empty entry starting now, as Locust's constructor (with the cache, it also stores an
   * empty snapshot for the current second). {@code method} may be {@code null}.
   *
   * @param useResponseTimesCache keep per-second snapshots for current percentiles (master: yes)
   */
  public StatsEntry(
      String name, String method, double nowEpochSeconds, boolean useResponseTimesCache) {
    this.name = Objects.requireNonNull(name, "name");
    this.method = method;
    this.cache = useResponseTimesCache ? new ResponseTimesCache() : null;
    this.responseTimes = new LongCounts();
    this.numReqsPerSec = new LongCounts();
    this.numFailPerSec = new LongCounts();
    this.exact = new ExactResponseTimes();
    reset(nowEpochSeconds);
  }

  /**
   * Returns a deep copy (maps, cache and exact histogram copied); see {@link RequestStats#copy}.
   */
  StatsEntry copy() {
    return new StatsEntry(this);
  }

  /** Zeroes every figure and restarts at {@code nowEpochSeconds}; mirrors {@code reset}. */
  public void reset(double nowEpochSeconds) {
    startEpochSeconds = nowEpochSeconds;
    lastRequestEpochSeconds = Double.NaN;
    numRequests = 0;
    numNoneRequests = 0;
    numFailures = 0;
    totalResponseTimeMillis = 0;
    maxResponseTimeMillis = 0;
    minResponseTimeMillis = Double.NaN;
    totalContentLengthBytes = 0;
    responseTimes.clear();
    numReqsPerSec.clear();
    numFailPerSec.clear();
    exact.reset();
    if (cache != null) {
      cache.clear();
      cache.store((long) nowEpochSeconds, responseTimes, numRequests);
    }
  }

  /**
   * Adds a report into this entry; mirrors {@code StatsEntry.extend}: nil-aware max of the last
   * request time, min of start times, sums, max of maxima, nil-aware min of minima, per-key sums of
   * the maps, and a cache snapshot when the integer second of the last request advanced.
   */
  public void extend(EntryReport other) {
    double oldLast = lastRequestEpochSeconds;
    if (other.lastRequestEpochSeconds() != null) {
      double otherLast = other.lastRequestEpochSeconds();
      lastRequestEpochSeconds =
          Double.isNaN(oldLast) ? otherLast : Math.max(lastRequestEpochSeconds, otherLast);
    }
    startEpochSeconds = Math.min(startEpochSeconds, other.startEpochSeconds());
    numRequests += other.numRequests();
    numNoneRequests += other.numNoneRequests();
    numFailures += other.numFailures();
    totalResponseTimeMillis += other.totalResponseTimeMillis();
    maxResponseTimeMillis = Math.max(maxResponseTimeMillis, other.maxResponseTimeMillis());
    if (other.minResponseTimeMillis() != null) {
      double otherMin = other.minResponseTimeMillis();
      minResponseTimeMillis =
          Double.isNaN(minResponseTimeMillis)
              ? otherMin
              : Math.min(minResponseTimeMillis, otherMin);
    }
    totalContentLengthBytes += other.totalContentLengthBytes();
    responseTimes.addAll(other.responseTimes());
    numReqsPerSec.addAll(other.numReqsPerSec());
    numFailPerSec.addAll(other.numFailPerSec());
    exact.extend(other);
    if (cache != null) {
      // Python: last_time = int(last) if last else None; store if last_time > (old and int(old) or
      // 0)
      long lastTime = truthy(lastRequestEpochSeconds) ? (long) lastRequestEpochSeconds : 0;
      long oldTime = truthy(oldLast) ? (long) oldLast : 0;
      if (lastTime != 0 && lastTime > oldTime) {
        cache.store(lastTime, responseTimes, numRequests);
      }
    }
  }

  /** Returns a report carrying copies of this entry's figures (for the worker total). */
  public EntryReport toReport() {
    return new EntryReport(
        name,
        method,
        Double.isNaN(lastRequestEpochSeconds) ? null : lastRequestEpochSeconds,
        startEpochSeconds,
        numRequests,
        numNoneRequests,
        numFailures,
        totalResponseTimeMillis,
        maxResponseTimeMillis,
        Double.isNaN(minResponseTimeMillis) ? null : minResponseTimeMillis,
        totalContentLengthBytes,
        responseTimes.copy(),
        numReqsPerSec.copy(),
        numFailPerSec.copy(),
        exact.countsOrNull());
  }

  /** Average response time in ms over timed requests; 0 if there are none. */
  public double avgResponseTime() {
    long timed = numRequests - numNoneRequests;
    return timed == 0 ? 0.0 : totalResponseTimeMillis / timed;
  }

  /** Failures per request; 1.0 with failures but no requests, else 0. */
  public double failRatio() {
    if (numRequests == 0) {
      return numFailures > 0 ? 1.0 : 0.0;
    }
    return (double) numFailures / numRequests;
  }

  /** Average content length in bytes; 0 if there are no requests. */
  public double avgContentLength() {
    return numRequests == 0 ? 0.0 : (double) totalContentLengthBytes / numRequests;
  }

  /** Returns whether percentiles and median are exact (every contributor sent a histogram). */
  public boolean hasExactPercentiles() {
    return exact.isExact();
  }

  /** Percentile in ms: exact if {@link #hasExactPercentiles()}, else Locust's bucket value. */
  public double responseTimePercentile(double fraction) {
    if (exact.isExact()) {
      return exact.percentileMillis(fraction, minResponseTimeMillis, maxResponseTimeMillis);
    }
    return bucketResponseTimePercentile(fraction);
  }

  /** Locust's percentile ({@code get_response_time_percentile}), a bucket key in ms. */
  public long bucketResponseTimePercentile(double fraction) {
    return Percentiles.fromBuckets(responseTimes, numRequests, fraction);
  }

  /** Median in ms: exact if {@link #hasExactPercentiles()}, else Locust's bucket median. */
  public double medianResponseTime() {
    return hasExactPercentiles() ? responseTimePercentile(0.5) : bucketMedianResponseTime();
  }

  /**
   * Locust's {@code median_response_time}: the median bucket clamped into [min, max]; 0 if empty.
   */
  public double bucketMedianResponseTime() {
    if (responseTimes.isEmpty()) {
      return 0;
    }
    double median = Percentiles.medianBucket(responseTimes, numRequests - numNoneRequests);
    if (median > maxResponseTimeMillis) {
      return maxResponseTimeMillis;
    } else if (!Double.isNaN(minResponseTimeMillis) && median < minResponseTimeMillis) {
      return minResponseTimeMillis;
    }
    return median;
  }

  /**
   * Locust's current percentile: the bucket map of roughly the last 10 s (current map minus the
   * cached one nearest to now - 10 s), then {@link Percentiles#fromBuckets}; empty if no cached
   * second is near enough.
   *
   * @throws IllegalStateException if this entry keeps no cache
   */
  public OptionalLong currentResponseTimePercentile(double fraction, double nowEpochSeconds) {
    if (cache == null) {
      throw new IllegalStateException("entry " + name + " keeps no response times cache");
    }
    return cache.currentPercentile(
        responseTimes, numRequests, fraction, (long) Math.floor(nowEpochSeconds));
  }

  /**
   * Current requests per second; the window comes from {@code total} (see {@link RequestRates}).
   */
  public double currentRps(StatsEntry total) {
    return RequestRates.current(numReqsPerSec, total);
  }

  /** Current failures per second, windowed like {@link #currentRps}. */
  public double currentFailPerSec(StatsEntry total) {
    return RequestRates.current(numFailPerSec, total);
  }

  /** Requests per second over the whole run of {@code total}. */
  public double totalRps(StatsEntry total) {
    return RequestRates.overRun(numRequests, total);
  }

  /** Failures per second over the whole run of {@code total}. */
  public double totalFailPerSec(StatsEntry total) {
    return RequestRates.overRun(numFailures, total);
  }

  private static OptionalDouble optional(double nanIsNone) {
    return Double.isNaN(nanIsNone) ? OptionalDouble.empty() : OptionalDouble.of(nanIsNone);
  }

  private static boolean truthy(double pythonFloatOrNone) {
    return !Double.isNaN(pythonFloatOrNone) && pythonFloatOrNone != 0.0;
  }

  public String name() {
    return name;
  }

  /** Request type; {@code null} for a total created before its first clear. */
  public String method() {
    return method;
  }

  public double startEpochSeconds() {
    return startEpochSeconds;
  }

  /** Time of the last request in epoch seconds; empty when there was none (Locust's nil). */
  public OptionalDouble lastRequestEpochSeconds() {
    return optional(lastRequestEpochSeconds);
  }

  public long numRequests() {
    return numRequests;
  }

  public long numNoneRequests() {
    return numNoneRequests;
  }

  public long numFailures() {
    return numFailures;
  }

  public double totalResponseTimeMillis() {
    return totalResponseTimeMillis;
  }

  /** Largest response time in ms; 0 when empty. */
  public double maxResponseTimeMillis() {
    return maxResponseTimeMillis;
  }

  /** Smallest response time in ms; empty when there was none (Locust's nil). */
  public OptionalDouble minResponseTimeMillis() {
    return optional(minResponseTimeMillis);
  }

  public long totalContentLengthBytes() {
    return totalContentLengthBytes;
  }

  /** The bucket map (ms &rarr; count); a live view, do not modify. */
  public LongCounts responseTimes() {
    return responseTimes;
  }

  /** Requests per epoch second; a live view, do not modify. */
  public LongCounts numReqsPerSec() {
    return numReqsPerSec;
  }

  /** Failures per epoch second; a live view, do not modify. */
  public LongCounts numFailPerSec() {
    return numFailPerSec;
  }
}
