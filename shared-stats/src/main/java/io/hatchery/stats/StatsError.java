package io.hatchery.stats;

import java.util.Objects;

/**
 * One row of the error table: how often an error occurred for a (name, method). Mirrors {@code
 * StatsError} in locust/stats.py (2.12.1); the table is keyed by {@link ErrorKeys#key}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name request name
 * @param method request type, possibly {@code null} if a peer sent nil
 * @param error the error text as it travels on the wire (Locust's {@code parse_error}: the masked
 *     {@code repr} of the exception or string), see {@link ErrorTexts}
 * @param occurrences number of occurrences, &ge; 0
 */
public record StatsError(String name, String method, String error, long occurrences) {

  /** Checks the fields. */
  public StatsError {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(error, "error");
    if (occurrences < 0) {
      throw new IllegalArgumentException("occurrences must be >= 0: " + occurrences);
    }
  }

  /** Returns this error with the occurrences of {@code other} added (name and text kept). */
  public StatsError plusAll(StatsError other) {
    return plus(other.occurrences);
  }

  /** Returns this error with {@code more} occurrences added. */
  public StatsError plus(long more) {
    return new StatsError(name, method, error, occurrences + more);
  }
}
