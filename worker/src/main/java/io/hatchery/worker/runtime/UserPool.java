package io.hatchery.worker.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The simulated users of one worker, as the worker runtime drives them; implemented by the user
 * engine. Only the runtime's control thread calls these methods (not thread-safe for concurrent
 * callers); the counts may be read from any thread.
 */
public interface UserPool {

  /**
   * Starts or stops users so that each class named in {@code targetsByClass} runs exactly that
   * many, as a Locust 2.x worker does on {@code spawn}: missing users are started at once (the
   * master paces the ramp), surplus ones are stopped, most recently started first. A stopped user
   * may finish its current task within {@code stopTimeout}, then it is interrupted. Returns once
   * the new users are started and the surplus ones are told to stop; it does not wait for them to
   * end. Classes not named keep their users.
   *
   * @param targetsByClass absolute user counts by user class name, each &ge; 0
   * @param stopTimeout how long a stopped user may keep running its current task; zero stops at
   *     once
   * @return the class names in {@code targetsByClass} this worker does not know (ignored)
   */
  Set<String> applyTargets(Map<String, Integer> targetsByClass, Duration stopTimeout);

  /**
   * Stops every user, letting each finish its current task within {@code stopTimeout}, then
   * interrupting it; blocks until all user threads have ended.
   */
  void stopAll(Duration stopTimeout);

  /** Running users by class name (classes with zero users may be omitted); a fresh copy. */
  Map<String, Integer> userCountsByClass();

  /** Running users in total. */
  int userCount();
}
