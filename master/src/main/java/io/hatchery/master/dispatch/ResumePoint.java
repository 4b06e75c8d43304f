package io.hatchery.master.dispatch;

/**
 * Where a dispatch cycle stands between two iterations: the {@code yield} at which Locust 2.12.1's
 * {@code UsersDispatcher._dispatcher} generator is suspended.
 */
enum ResumePoint {
  /** No {@code newDispatch} yet. */
  NOT_STARTED,
  /** {@code newDispatch} called, generator not started. */
  NEW,
  /** Yielded the rebalanced distribution at the start of a cycle. */
  AFTER_START_REBALANCE,
  /** Yielded the unchanged distribution because the target was already reached. */
  AFTER_UNCHANGED,
  /** Yielded a ramp-up step. */
  AFTER_UP,
  /** Yielded the rebalanced distribution right after a ramp-up step. */
  AFTER_UP_REBALANCE,
  /** Yielded a ramp-down step. */
  AFTER_DOWN,
  /** Yielded the rebalanced distribution right after a ramp-down step. */
  AFTER_DOWN_REBALANCE,
  /** The cycle ended (Locust: the generator raised {@code StopIteration}). */
  FINISHED
}
