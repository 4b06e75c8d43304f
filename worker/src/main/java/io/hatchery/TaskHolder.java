package io.hatchery;

/**
 * What runs tasks: a {@link User} or a {@link TaskSet} (Locust's {@code TaskHolder}). Every method
 * is called by the engine on the user's own thread.
 */
public sealed interface TaskHolder permits User, TaskSet {

  /**
   * Called once when the holder starts running, before its first task (Locust's {@code on_start}).
   * An exception ends a user; in a task set it is reported and the set continues.
   */
  default void onStart() throws Exception {}

  /**
   * Called once when the holder stops: a user that is stopped, or a task set that is interrupted or
   * whose user stops (Locust's {@code on_stop}).
   */
  default void onStop() throws Exception {}
}
