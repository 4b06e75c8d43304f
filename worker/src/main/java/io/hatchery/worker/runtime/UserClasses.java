package io.hatchery.worker.runtime;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The user class names the master has dispatched to this worker, in the master's order, so {@code
 * user_classes_count} names every class with its count, zeros included, as a Python worker's does
 * ({@code {"MyUser": 0}} when idle). Owned by the control thread.
 */
final class UserClasses {
  private final Set<String> names = new LinkedHashSet<>();

  void remember(Set<String> classNames) {
    names.addAll(classNames);
  }

  /** Running users per class: every remembered class, then any other class the pool reports. */
  Map<String, Long> counts(UserPool users) {
    Map<String, Integer> running = users.userCountsByClass();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String name : names) {
      counts.put(name, (long) running.getOrDefault(name, 0));
    }
    running.forEach((name, count) -> counts.putIfAbsent(name, (long) count));
    return counts;
  }
}
