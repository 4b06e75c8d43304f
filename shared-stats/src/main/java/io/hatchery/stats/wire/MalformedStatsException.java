package io.hatchery.stats.wire;

/**
 * A peer's stats payload does not have Locust's shape or types (e.g. a string where a count
 * belongs, a negative count, a non-numeric bucket key). The message names the offending key.
 *
 * <p>Checked, because a malformed report is a peer's fault that the master must handle (log and
 * drop the report) rather than a programming error.
 */
public final class MalformedStatsException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the offending key and value. */
  public MalformedStatsException(String message) {
    super(message);
  }
}
