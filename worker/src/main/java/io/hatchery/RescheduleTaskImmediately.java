package io.hatchery;

/**
 * Thrown from a task to end it and pick the next task at once, without waiting (Locust's {@code
 * RescheduleTaskImmediately}). Not a user error.
 */
public final class RescheduleTaskImmediately extends RuntimeException {

  /** Creates the signal; it carries no stack trace. */
  public RescheduleTaskImmediately() {
    super("RescheduleTaskImmediately", null, false, false);
  }
}
