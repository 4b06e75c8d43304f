package io.hatchery;

/**
 * Thrown from a task (or {@code onStart}) to stop the current user: its task sets' and its own
 * {@code onStop} run, then the user ends (Locust's {@code StopUser}). The user is not replaced.
 */
public final class StopUser extends RuntimeException {

  /** Creates the signal; it carries no stack trace. */
  public StopUser() {
    super("StopUser", null, false, false);
  }
}
