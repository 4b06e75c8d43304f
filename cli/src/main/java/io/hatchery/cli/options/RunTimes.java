package io.hatchery.cli.options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Locust's time spans ({@code locust/util/timespan.py}, 2.12.1): a bare number of seconds
 * ({@code 20}), or hours, minutes and seconds in that order, each optional ({@code 90s}, {@code
 * 20m}, {@code 3h}, {@code 1h30m}, {@code 3h30m10s}).
 *
 * <p>Unlike Locust, which matches only a prefix (so {@code 1h30x} runs one hour), trailing text is
 * refused.
 */
public final class RunTimes {
  /** Locust's message for a malformed {@code --run-time}. */
  public static final String FORMATS =
      "Valid --run-time formats are: 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.";

  private static final Pattern SPAN = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private RunTimes() {}

  /**
   * Returns the span as a whole number of seconds.
   *
   * @throws IllegalArgumentException with {@link #FORMATS} when it is not a time span
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException(FORMATS);
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    Matcher m = SPAN.matcher(text);
    if (!m.matches() || m.group(1) == null && m.group(2) == null && m.group(3) == null) {
      throw new IllegalArgumentException(FORMATS);
    }
    return Duration.ofHours(part(m.group(1)))
        .plusMinutes(part(m.group(2)))
        .plusSeconds(part(m.group(3)));
  }

  private static long part(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
