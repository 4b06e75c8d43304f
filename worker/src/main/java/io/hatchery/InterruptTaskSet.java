package io.hatchery;

/**
 * Thrown by {@link TaskSet#interrupt(boolean)}: the running task set calls its {@code onStop} and
 * hands control back to its parent (Locust's {@code InterruptTaskSet}). With {@code reschedule} the
 * parent picks its next task at once; without it, the parent waits its wait time first.
 */
public final class InterruptTaskSet extends RuntimeException {

  private final boolean reschedule;

  /** Creates the signal; it carries no stack trace. */
  public InterruptTaskSet(boolean reschedule) {
    super("InterruptTaskSet", null, false, false);
    this.reschedule = reschedule;
  }

  /** Whether the parent runs its next task without waiting first. */
  public boolean reschedule() {
    return reschedule;
  }
}
