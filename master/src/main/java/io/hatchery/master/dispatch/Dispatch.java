package io.hatchery.master.dispatch;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dispatch iteration: the absolute number of users per user class that every worker should run
 * now, and how long the caller should wait before asking for the next iteration.
 *
 * <p>{@code usersPerWorker} maps worker node id to that worker's {@code user_classes_count}: every
 * user class is listed, in class-name order, zeros included. Workers appear in the order of
 * Locust's {@code _users_on_workers} dict (the order given to the dispatcher, and dispatch order
 * after a rebalance); the order carries no meaning. It is what Locust's master sends as {@code
 * spawn.data.user_classes_count}; workers apply the difference to what they run. Immutable.
 *
 * @param usersPerWorker worker node id to (class name to user count), unmodifiable
 * @param delayBeforeNext the step delay {@code max(1, floor(rate)) / rate} seconds, or zero when
 *     Locust 2.12.1 would not sleep (last iteration, or a rebalance that follows at once); see
 *     {@link UsersDispatcher#delayBeforeNext()} for the value after a later worker change
 */
public record Dispatch(Map<String, Map<String, Long>> usersPerWorker, Duration delayBeforeNext) {
  public Dispatch {
    Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
    usersPerWorker.forEach(
        (worker, counts) ->
            copy.put(worker, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    usersPerWorker = Collections.unmodifiableMap(copy);
    if (delayBeforeNext.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delayBeforeNext);
    }
  }

  /** The sum of all users on all workers. */
  public long userCount() {
    long total = 0;
    for (Map<String, Long> counts : usersPerWorker.values()) {
      for (long count : counts.values()) {
        total += count;
      }
    }
    return total;
  }

  /** The total per user class over all workers, in class-name order. */
  public Map<String, Long> userClassesCount() {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Map<String, Long> counts : usersPerWorker.values()) {
      counts.forEach((userClass, count) -> totals.merge(userClass, count, Long::sum));
    }
    return Collections.unmodifiableMap(totals);
  }
}
