package io.hatchery.master.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The endless sequence of user classes to start next: fixed-count classes first, until each has its
 * {@code fixed_count}, then the weighted classes by smooth weighted round-robin.
 *
 * <p>Mirrors the generator {@code UsersDispatcher._user_gen} of Locust 2.12.1 step for step,
 * including where it re-reads the current fixed counts: whenever the dispatcher has set {@code
 * _try_dispatch_fixed} (after removing users or preparing a rebalance) the counts are re-read from
 * the dispatcher's current distribution, at the same points the Python generator re-reads them.
 *
 * <p>One deliberate difference: when every fixed-count class already has its count at such a
 * re-read (ramping up again after a ramp-down), 2.12.1's fixed-user loop never ends and the master
 * hangs; here the loop ends and weighted users follow. Not thread-safe.
 */
final class UserSequence {
  static final int NONE = SmoothWeightedCycle.NONE;

  /** The dispatcher state the sequence reads, as Locust's generator reads {@code self}. */
  interface Progress {
    /** Returns Locust's {@code _try_dispatch_fixed} and clears it. */
    boolean takeTryDispatchFixed();

    /** Users of the class at {@code classIndex} in the current distribution, all workers. */
    long currentCount(int classIndex);
  }

  private final List<UserClassSpec> userClasses;
  private final List<Integer> fixedClasses = new ArrayList<>();
  private final SmoothWeightedCycle fixedCycle;
  private final SmoothWeightedCycle weightedCycle;
  private final long[] fixedUsersCount;
  private final boolean[] spawned;
  private int spawnedCount;
  private boolean inFixedLoop;

  /**
   * @param userClasses sorted by name, as the dispatcher holds them
   */
  UserSequence(List<UserClassSpec> userClasses) {
    this.userClasses = userClasses;
    List<Double> fixedValues = new ArrayList<>();
    List<Integer> weightedClasses = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < userClasses.size(); i++) {
      UserClassSpec userClass = userClasses.get(i);
      if (userClass.isFixed()) {
        fixedClasses.add(i);
        fixedValues.add((double) userClass.fixedCount());
      } else {
        weightedClasses.add(i);
        weights.add(userClass.weight());
      }
    }
    this.fixedCycle = new SmoothWeightedCycle(fixedClasses, fixedValues);
    this.weightedCycle = new SmoothWeightedCycle(weightedClasses, weights);
    this.fixedUsersCount = new long[userClasses.size()];
    this.spawned = new boolean[userClasses.size()];
  }

  /** The index of the next class to start, or {@link #NONE} when there is nothing to start. */
  int next(Progress progress) {
    if (inFixedLoop) {
      // Resumed after handing out a fixed user: Locust re-reads the counts if they changed.
      if (progress.takeTryDispatchFixed()) {
        recount(progress);
      }
      int userClass = continueFixedLoop();
      if (userClass != NONE) {
        return userClass;
      }
      inFixedLoop = false;
      return weightedCycle.next();
    }
    if (progress.takeTryDispatchFixed()) {
      recount(progress);
      int userClass = continueFixedLoop();
      if (userClass != NONE) {
        inFixedLoop = true;
        return userClass;
      }
    }
    return weightedCycle.next();
  }

  private void recount(Progress progress) {
    for (int classIndex : fixedClasses) {
      fixedUsersCount[classIndex] = progress.currentCount(classIndex);
      spawned[classIndex] = false;
    }
    spawnedCount = 0;
  }

  private int continueFixedLoop() {
    while (spawnedCount != fixedClasses.size()) {
      if (everyFixedClassReached()) {
        return NONE; // 2.12.1 would loop here forever; see the class comment
      }
      int classIndex = fixedCycle.next();
      long fixedCount = userClasses.get(classIndex).fixedCount();
      if (fixedUsersCount[classIndex] < fixedCount) {
        fixedUsersCount[classIndex]++;
        if (fixedUsersCount[classIndex] == fixedCount) {
          spawned[classIndex] = true;
          spawnedCount++;
        }
        return classIndex;
      }
    }
    return NONE;
  }

  private boolean everyFixedClassReached() {
    for (int classIndex : fixedClasses) {
      if (fixedUsersCount[classIndex] < userClasses.get(classIndex).fixedCount()) {
        return false;
      }
    }
    return true;
  }
}
