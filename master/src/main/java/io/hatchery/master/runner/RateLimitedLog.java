package io.hatchery.master.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Warnings about what peers send, at most one per key per interval, with a count of the ones left
 * out; the table of keys is bounded, so hostile peers cannot flood the log or grow memory.
 *
 * <p>Not thread-safe: owned by the master's control thread. Times in epoch milliseconds.
 */
final class RateLimitedLog {
  private static final int MAX_KEYS = 1024;

  private final Logger logger;
  private final long intervalMillis;
  private final Map<String, long[]> lastLoggedAndSuppressed =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
          return size() > MAX_KEYS;
        }
      };

  RateLimitedLog(Logger logger, long intervalMillis) {
    this.logger = logger;
    this.intervalMillis = intervalMillis;
  }

  /** Logs {@code text} at WARN unless {@code key} was logged less than the interval ago. */
  void warn(String key, long nowMillis, String text) {
    long[] state = lastLoggedAndSuppressed.get(key);
    if (state != null && nowMillis - state[0] < intervalMillis) {
      state[1]++;
      return;
    }
    long suppressed = state == null ? 0 : state[1];
    lastLoggedAndSuppressed.put(key, new long[] {nowMillis, 0});
    if (suppressed > 0) {
      logger.warn("{} ({} similar messages suppressed)", text, suppressed);
    } else {
      logger.warn(text);
    }
  }
}
