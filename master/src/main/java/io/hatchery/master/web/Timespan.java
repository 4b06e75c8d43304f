package io.hatchery.master.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locust's {@code parse_timespan} (locust/util/timespan.py 2.12.1): {@code 20}, {@code 20s}, {@code
 * 3m}, {@code 2h}, {@code 1h20m}, {@code 3h30m10s}. Stateless.
 */
final class Timespan {

  /** Locust's error text for the web form. */
  static final String FORMATS =
      "Valid run_time formats are : 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.";

  private static final Pattern SECONDS = Pattern.compile("\\d+");
  private static final Pattern PARTS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Timespan() {}

  /**
   * Parses a time span; like Python's {@code re.match}, trailing text after a valid prefix is
   * ignored.
   *
   * @throws IllegalArgumentException with {@link #FORMATS} when nothing matches
   */
  static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(FORMATS);
    }
    if (SECONDS.matcher(text).matches()) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    Matcher parts = PARTS.matcher(text);
    if (!parts.lookingAt() || parts.end() == 0) {
      throw new IllegalArgumentException(FORMATS);
    }
    long seconds = 0;
    seconds += value(parts.group(1)) * 3600;
    seconds += value(parts.group(2)) * 60;
    seconds += value(parts.group(3));
    return Duration.ofSeconds(seconds);
  }

  private static long value(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
