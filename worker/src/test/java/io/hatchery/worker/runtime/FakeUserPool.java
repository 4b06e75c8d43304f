package io.hatchery.worker.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user pool that only counts: applyTargets sets the counts of known classes at once, stopAll
 * clears them. Records every call with its stop timeout.
 */
final class FakeUserPool implements UserPool {
  private final Set<String> knownClasses;
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  final List<Map<String, Integer>> appliedTargets = new ArrayList<>();
  final List<Duration> stopTimeouts = new ArrayList<>();
  int stopAllCalls;

  FakeUserPool(Set<String> knownClasses) {
    this.knownClasses = knownClasses;
  }

  @Override
  public Set<String> applyTargets(Map<String, Integer> targetsByClass, Duration stopTimeout) {
    appliedTargets.add(new LinkedHashMap<>(targetsByClass));
    stopTimeouts.add(stopTimeout);
    Set<String> unknown = new TreeSet<>();
    targetsByClass.forEach(
        (name, count) -> {
          if (knownClasses.contains(name)) {
            counts.put(name, count);
          } else {
            unknown.add(name);
          }
        });
    return unknown;
  }

  @Override
  public void stopAll(Duration stopTimeout) {
    stopAllCalls++;
    stopTimeouts.add(stopTimeout);
    counts.clear();
  }

  @Override
  public Map<String, Integer> userCountsByClass() {
    Map<String, Integer> copy = new LinkedHashMap<>();
    counts.forEach(
        (name, count) -> {
          if (count > 0) {
            copy.put(name, count);
          }
        });
    return copy;
  }

  @Override
  public int userCount() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
