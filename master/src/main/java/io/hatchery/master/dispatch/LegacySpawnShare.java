package io.hatchery.master.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * One worker's share of a Locust 1.x ({@code hatch}/{@code spawn} with {@code num_users}) start:
 * how many users it ramps to and at what rate. Workers of that generation ramp themselves and pick
 * classes by weight, so the master only splits the totals.
 *
 * <p>Mirrors {@code MasterRunner.start} in Locust 1.x {@code runners.py}: {@code num_users} is the
 * total divided by the worker count, the first {@code total % workers} workers get one more, and
 * {@code spawn_rate} (0.x: {@code hatch_rate}) is the total rate divided by the worker count.
 * Immutable.
 *
 * @param userCount users this worker should run ({@code num_users})
 * @param spawnRatePerSecond users per second this worker should start ({@code spawn_rate})
 */
public record LegacySpawnShare(long userCount, double spawnRatePerSecond) {

  /**
   * Splits a start of {@code totalUserCount} users at {@code totalSpawnRatePerSecond} over {@code
   * workerCount} workers; element {@code i} is for the {@code i}-th worker in the master's worker
   * iteration order.
   *
   * <pre>{@code
   * LegacySpawnShare.split(10, 3.0, 4)
   *     // [(3, 0.75), (3, 0.75), (2, 0.75), (2, 0.75)]
   * }</pre>
   */
  public static List<LegacySpawnShare> split(
      long totalUserCount, double totalSpawnRatePerSecond, int workerCount) {
    if (workerCount < 1) {
      throw new IllegalArgumentException("workerCount must be >= 1: " + workerCount);
    }
    if (totalUserCount < 0) {
      throw new IllegalArgumentException("totalUserCount must be >= 0: " + totalUserCount);
    }
    long perWorker = totalUserCount / workerCount;
    long remainder = totalUserCount % workerCount;
    double ratePerWorker = totalSpawnRatePerSecond / workerCount;
    List<LegacySpawnShare> shares = new ArrayList<>(workerCount);
    for (int i = 0; i < workerCount; i++) {
      shares.add(new LegacySpawnShare(perWorker + (i < remainder ? 1 : 0), ratePerWorker));
    }
    return List.copyOf(shares);
  }
}
