package io.hatchery.stats;

import java.time.InstantSource;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The master's statistics: entries keyed by (name, method), the total ({@code "Aggregated"}) and
 * the error table. Mirrors {@code RequestStats} and the {@code worker_report} listener of {@code
 * setup_distributed_stats_event_listeners} in locust/stats.py (2.12.1).
 *
 * <pre>{@code
 * RequestStats stats = new RequestStats(InstantSource.system());
 * // for every worker "stats" message (MalformedStatsException: log and drop the report)
 * stats.merge(StatsReportMaps.fromMap(data, stats.nowEpochSeconds()));
 * double rps = stats.total().currentRps(stats.total());
 * }</pre>
 *
 * <p>Entries keep the 20-second response-times cache, so current percentiles are available. The
 * clock is read when entries are created or reset and for current percentiles.
 *
 * <p>Thread-safety: not thread-safe; confine to one thread (the master's aggregation thread).
 */
public final class RequestStats {

  /** Name of the total entry (Locust 0.12.1+; Boomer and Locust4j still send "Total"). */
  public static final String TOTAL_NAME = "Aggregated";

  private final InstantSource clock;
  private final Map<EntryKey, StatsEntry> entries = new LinkedHashMap<>();
  private final Map<String, StatsError> errors = new LinkedHashMap<>();
  private StatsEntry total;

  /** Creates empty stats whose total has a {@code null} method, like Locust's constructor. */
  public RequestStats(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.total = new StatsEntry(TOTAL_NAME, null, nowEpochSeconds(), true);
  }

  /**
   * Merges one worker report: every entry is extended into the master entry of its (name, method),
   * created on first sight; errors are stored by key or their occurrences added; the report's total
   * is extended into the master total (which is never recomputed from the entries).
   */
  public void merge(StatsReport report) {
    for (EntryReport entryReport : report.stats()) {
      entry(entryReport.name(), entryReport.method()).extend(entryReport);
    }
    report.errors().forEach((key, error) -> errors.merge(key, error, StatsError::plusAll));
    total.extend(report.total());
  }

  /** Returns the entry for (name, method), creating it (with cache) if absent. */
  public StatsEntry entry(String name, String method) {
    return entries.computeIfAbsent(
        new EntryKey(name, method), k -> new StatsEntry(name, method, nowEpochSeconds(), true));
  }

  /** Returns the entry for (name, method) if it exists. */
  public Optional<StatsEntry> find(String name, String method) {
    return Optional.ofNullable(entries.get(new EntryKey(name, method)));
  }

  /** Returns the entries in creation order (unmodifiable live view). */
  public Collection<StatsEntry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  /** Returns the total entry. */
  public StatsEntry total() {
    return total;
  }

  /** Returns the error table by key, in first-seen order (unmodifiable live view). */
  public Map<String, StatsError> errors() {
    return Collections.unmodifiableMap(errors);
  }

  /** Locust's current percentile of {@code entry} at the clock's now. */
  public OptionalLong currentResponseTimePercentile(StatsEntry entry, double fraction) {
    return entry.currentResponseTimePercentile(fraction, nowEpochSeconds());
  }

  /**
   * Returns a deep copy: every entry (with its bucket maps, response-times cache and exact
   * histogram), the total and the error table, sharing no mutable state with this one and reading
   * the same clock. The master publishes such a copy in each snapshot, so readers on other threads
   * never see the live statistics.
   */
  public RequestStats copy() {
    RequestStats copy = new RequestStats(clock);
    copy.total = total.copy();
    entries.forEach((key, entry) -> copy.entries.put(key, entry.copy()));
    copy.errors.putAll(errors);
    return copy;
  }

  /** Zeroes the total and every entry (kept) and empties the errors; mirrors {@code reset_all}. */
  public void resetAll() {
    double now = nowEpochSeconds();
    total.reset(now);
    errors.clear();
    entries.values().forEach(e -> e.reset(now));
  }

  /**
   * Removes every entry and error and starts a new total (method ""); mirrors {@code clear_all}.
   */
  public void clearAll() {
    total = new StatsEntry(TOTAL_NAME, "", nowEpochSeconds(), true);
    entries.clear();
    errors.clear();
  }

  /** Returns the clock's now in epoch seconds, with millisecond resolution. */
  public double nowEpochSeconds() {
    return clock.millis() / 1000.0;
  }
}
