package io.hatchery.stats;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Copies of an entry's {@code response_times} and {@code num_requests}, one per epoch second for
 * the last {@link #SIZE} seconds, from which the <em>current</em> percentiles are computed. Mirrors
 * {@code StatsEntry.response_times_cache} and {@code get_current_response_time_percentile} in
 * locust/stats.py (2.12.1), including its insertion order (re-storing a second keeps its place).
 *
 * <p>Thread-safety: not thread-safe; owned by its {@link StatsEntry}.
 */
final class ResponseTimesCache {

  /**
   * Window of the current percentiles, in seconds ({@code
   * CURRENT_RESPONSE_TIME_PERCENTILE_WINDOW}).
   */
  static final int WINDOW_SECONDS = 10;

  /** Number of seconds kept: the window plus 10. */
  static final int SIZE = WINDOW_SECONDS + 10;

  /** One cached second. */
  record Cached(LongCounts responseTimes, long numRequests) {}

  private final LinkedHashMap<Long, Cached> seconds = new LinkedHashMap<>();

  /**
   * Stores a copy of {@code responseTimes} for {@code epochSecond}, dropping the oldest beyond 20.
   */
  void store(long epochSecond, LongCounts responseTimes, long numRequests) {
    seconds.put(epochSecond, new Cached(responseTimes.copy(), numRequests));
    Iterator<Long> oldest = seconds.keySet().iterator();
    for (int excess = seconds.size() - SIZE; excess > 0; excess--) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Returns the cached second nearest to {@code now - 10}: t-10, t-11, t-9, t-12, t-8, ... t-2. */
  Optional<Cached> nearWindowStart(long nowEpochSecond) {
    long center = nowEpochSecond - WINDOW_SECONDS;
    Cached cached = seconds.get(center);
    for (int i = 1; cached == null && i < 9; i++) {
      cached = seconds.get(center - i);
      if (cached == null) {
        cached = seconds.get(center + i);
      }
    }
    return Optional.ofNullable(cached);
  }

  /**
   * Locust's current percentile: the percentile of {@code responseTimes} minus the cached map
   * nearest to now - 10 s, over {@code numRequests} minus its cached count; empty if none is near.
   */
  OptionalLong currentPercentile(
      LongCounts responseTimes, long numRequests, double fraction, long nowEpochSecond) {
    Optional<Cached> cached = nearWindowStart(nowEpochSecond);
    if (cached.isEmpty()) {
      return OptionalLong.empty();
    }
    LongCounts window = responseTimes.minus(cached.get().responseTimes());
    long requests = numRequests - cached.get().numRequests();
    return OptionalLong.of(Percentiles.fromBuckets(window, requests, fraction));
  }

  /** Returns a copy; the cached seconds are never modified after {@link #store}, so are shared. */
  ResponseTimesCache copy() {
    ResponseTimesCache copy = new ResponseTimesCache();
    copy.seconds.putAll(seconds);
    return copy;
  }

  /** Forgets every second. */
  void clear() {
    seconds.clear();
  }
}
