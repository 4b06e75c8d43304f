package io.hatchery;

import io.hatchery.http.HttpSession;

/**
 * A group of tasks a user runs as one task of its parent (Locust's {@code TaskSet}): when the
 * parent picks it, a new instance is created, runs {@link #onStart()}, then its own tasks by weight
 * until {@link #interrupt(boolean)} hands control back (or the user stops), then {@link #onStop()}.
 *
 * <pre>{@code
 * @Task(weight = 2)
 * static class Forum extends TaskSet {
 *   @Task(weight = 5) void read() { client().get("/forum"); }
 *   @Task void leave() { interrupt(); }
 * }
 * }</pre>
 *
 * <p>A task set declares tasks as a user does ({@link Task}, {@link Tag}, static {@code tasks()}).
 * It waits with its own {@link #waitTime()} when it overrides it, else with its user's. Nested task
 * sets may be static classes or inner classes of their parent or user; they need a no-argument
 * constructor. Thread-safety: used by its user's thread only.
 */
public abstract non-sealed class TaskSet implements TaskHolder {

  private final TaskHolder parent;
  private final User user;

  /** Binds the task set to the parent the engine is creating it under. */
  protected TaskSet() {
    this.parent = Construction.parent();
    this.user = parent instanceof TaskSet set ? set.user : (User) parent;
  }

  /**
   * The user running this task set (Locust's {@code self.user}), typed as the caller expects:
   * {@code ShopUser u = user();}.
   *
   * @throws ClassCastException when the user is not of the expected type
   */
  @SuppressWarnings("unchecked")
  public final <U extends User> U user() {
    return (U) user;
  }

  /**
   * The HTTP session of this task set's {@link HttpUser} (Locust's {@code TaskSet.client}
   * shortcut).
   *
   * @throws IllegalStateException when the user is not an {@link HttpUser}
   */
  public final HttpSession client() {
    if (user instanceof HttpUser http) {
      return http.client;
    }
    throw new IllegalStateException(user.getClass().getName() + " is not an HttpUser");
  }

  /** The task set or user that started this task set (Locust's {@code self.parent}). */
  public final TaskHolder parent() {
    return parent;
  }

  /**
   * This task set's own wait time, or null (the default) to use the user's (Locust: {@code
   * TaskSet.wait_time} falls back to {@code user.wait_time}). Called once per instance.
   */
  public WaitTime waitTime() {
    return null;
  }

  /** {@link #interrupt(boolean) interrupt(true)}: the parent picks its next task at once. */
  public final void interrupt() {
    interrupt(true);
  }

  /**
   * Ends this task set and returns control to the parent (Locust's {@code interrupt(reschedule)}):
   * with {@code reschedule} the parent runs its next task at once, without it the parent waits its
   * wait time first. Never returns normally.
   *
   * @throws InterruptTaskSet always
   */
  public final void interrupt(boolean reschedule) {
    throw new InterruptTaskSet(reschedule);
  }

  /** Sleeps this task set's wait time now (Locust's {@code self.wait()}); see {@link User}. */
  public final void sleepWaitTime() {
    user.runtime().sleepWaitTime();
  }
}
