package io.hatchery;

/**
 * Thrown from a task to end it early: the task set waits its wait time and picks the next task, as
 * if the task had returned (Locust's {@code RescheduleTask}). Not a user error.
 */
public final class RescheduleTask extends RuntimeException {

  /** Creates the signal; it carries no stack trace. */
  public RescheduleTask() {
    super("RescheduleTask", null, false, false);
  }
}
