package io.hatchery.stats;

import io.hatchery.stats.histogram.HistogramCounts;
import java.util.Objects;

/**
 * One stats entry's figures for one report interval: the 14 keys of Locust's {@code StatsEntryDict}
 * plus our optional exact histogram. Produced by {@link StatsRecorder#snapshot()} on a worker and
 * by the wire decoder on a master; consumed by {@link StatsEntry#extend}.
 *
 * <p>Units: timestamps in epoch seconds, response times in milliseconds, content length in bytes,
 * histogram values in microseconds. {@code lastRequestEpochSeconds} and {@code
 * minResponseTimeMillis} are {@code null} when there is no data (Locust's nil). The maps and the
 * histogram are not copied: treat them as read-only once the report is built.
 *
 * <p>Thread-safety: immutable if its maps and histogram are not mutated.
 *
 * @param name request name ({@code "Aggregated"} for a total)
 * @param method request type; {@code null} for a Python total before its first clear
 * @param histogram exact response times in &micro;s whose total count equals {@link
 *     #timedRequests()}, or {@code null} if the sender did not provide one
 */
public record EntryReport(
    String name,
    String method,
    Double lastRequestEpochSeconds,
    double startEpochSeconds,
    long numRequests,
    long numNoneRequests,
    long numFailures,
    double totalResponseTimeMillis,
    double maxResponseTimeMillis,
    Double minResponseTimeMillis,
    long totalContentLengthBytes,
    LongCounts responseTimes,
    LongCounts numReqsPerSec,
    LongCounts numFailPerSec,
    HistogramCounts histogram) {

  /** Checks that the name and maps are present. */
  public EntryReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(responseTimes, "responseTimes");
    Objects.requireNonNull(numReqsPerSec, "numReqsPerSec");
    Objects.requireNonNull(numFailPerSec, "numFailPerSec");
  }

  /** This entry with {@code min} as its minimum and {@code exact} as its histogram. */
  public EntryReport withMinimumAndHistogram(Double min, HistogramCounts exact) {
    return new EntryReport(
        name,
        method,
        lastRequestEpochSeconds,
        startEpochSeconds,
        numRequests,
        numNoneRequests,
        numFailures,
        totalResponseTimeMillis,
        maxResponseTimeMillis,
        min,
        totalContentLengthBytes,
        responseTimes,
        numReqsPerSec,
        numFailPerSec,
        exact);
  }

  /** Returns the number of requests that have a response time. */
  public long timedRequests() {
    return numRequests - numNoneRequests;
  }
}
