package io.hatchery.master.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the dispatcher's working distribution: worker id to per-class counts, the counts
 * indexed like the dispatcher's name-sorted class list (Locust's {@code _users_on_workers}).
 */
final class UsersOnWorkers {
  private UsersOnWorkers() {}

  /** Every worker (insertion order, duplicates collapsed) with every count at zero. */
  static Map<String, long[]> zeros(List<String> workerIds, int classCount) {
    Map<String, long[]> zeros = new LinkedHashMap<>();
    workerIds.forEach(id -> zeros.put(id, new long[classCount]));
    return zeros;
  }

  static Map<String, long[]> copy(Map<String, long[]> users) {
    Map<String, long[]> copy = new LinkedHashMap<>();
    users.forEach((id, counts) -> copy.put(id, counts.clone()));
    return copy;
  }

  static long sum(Map<String, long[]> users) {
    long total = 0;
    for (long[] counts : users.values()) {
      for (long count : counts) {
        total += count;
      }
    }
    return total;
  }

  /** Users of one class over all workers. */
  static long classCount(Map<String, long[]> users, int classIndex) {
    long count = 0;
    for (long[] counts : users.values()) {
      count += counts[classIndex];
    }
    return count;
  }

  /** The distribution as {@link Dispatch} carries it: class names as keys, in class order. */
  static Map<String, Map<String, Long>> view(
      Map<String, long[]> users, List<UserClassSpec> userClasses) {
    Map<String, Map<String, Long>> view = new LinkedHashMap<>();
    users.forEach(
        (id, counts) -> {
          Map<String, Long> perClass = new LinkedHashMap<>();
          for (int i = 0; i < counts.length; i++) {
            perClass.put(userClasses.get(i).name(), counts[i]);
          }
          view.put(id, perClass);
        });
    return view;
  }
}
