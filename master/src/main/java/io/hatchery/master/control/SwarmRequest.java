package io.hatchery.master.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to start or edit a test: the fields of Locust's {@code POST /swarm} form and of the
 * headless options {@code -u}, {@code -r}, {@code -H}, {@code -t}. Immutable.
 *
 * @param userCount the total number of users to reach, &ge; 0
 * @param spawnRatePerSecond users started (or stopped) per second across all workers, &gt; 0
 * @param host the target base URL sent to workers, empty to keep the current one
 * @param runTime stop the test this long after it starts, empty for no limit
 * @param userClasses the user class names to run, empty for every known class
 */
public record SwarmRequest(
    int userCount,
    double spawnRatePerSecond,
    Optional<String> host,
    Optional<Duration> runTime,
    List<String> userClasses) {

  public SwarmRequest {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(runTime, "runTime");
    userClasses = List.copyOf(userClasses);
  }

  /** A request for {@code userCount} users at {@code spawnRatePerSecond}, nothing else set. */
  public static SwarmRequest of(int userCount, double spawnRatePerSecond) {
    return new SwarmRequest(
        userCount, spawnRatePerSecond, Optional.empty(), Optional.empty(), List.of());
  }
}
