package io.hatchery.master.dispatch;

import java.util.Arrays;
import java.util.List;

/**
 * One period of the smooth weighted round-robin over user classes, repeated forever.
 *
 * <p>Mirrors {@code infinite_cycle_gen} inside {@code UsersDispatcher._user_gen} (Locust 2.12.1)
 * with {@code roundrobin.smooth} (linnik/roundrobin 0.0.4): the values (weights or fixed counts)
 * are normalised so that the smallest becomes 2, each rounded half-to-even as Python's {@code
 * round} does; one period is as long as the sum of the normalised values; each step adds every
 * value to its running score, picks the highest score (the first one on ties) and subtracts the sum
 * from it. With one class the period is that class alone. Not thread-safe.
 */
final class SmoothWeightedCycle {
  /** Returned by {@link #next()} when there are no classes (Locust's {@code cycle([None])}). */
  static final int NONE = -1;

  /** Guards against weights so skewed that one period would not fit in memory. */
  private static final long MAX_PERIOD = 1L << 24;

  private final int[] period;
  private int position;

  /**
   * @param classIndexes the classes (indexes into the dispatcher's sorted class list), sorted by
   *     name
   * @param values their weights or fixed counts, same order, all positive
   */
  SmoothWeightedCycle(List<Integer> classIndexes, List<Double> values) {
    this.period = buildPeriod(classIndexes, values);
  }

  int next() {
    if (period.length == 0) {
      return NONE;
    }
    int classIndex = period[position];
    position = (position + 1) % period.length;
    return classIndex;
  }

  private static int[] buildPeriod(List<Integer> classIndexes, List<Double> values) {
    int n = classIndexes.size();
    if (n == 0) {
      return new int[0];
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    long[] weights = new long[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      // Python: round(target_min_weight * value / min_value) with target_min_weight = 2.
      weights[i] = (long) Math.rint(2 * values.get(i) / min);
      sum += weights[i];
    }
    if (sum > MAX_PERIOD) {
      throw new IllegalArgumentException(
          "user class weights too uneven: one round-robin period would be " + sum + " users");
    }
    int[] result = new int[(int) sum];
    if (n == 1) {
      Arrays.fill(result, classIndexes.get(0));
      return result;
    }
    long[] current = new long[n];
    for (int step = 0; step < result.length; step++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        current[i] += weights[i];
        if (best < 0 || current[best] < current[i]) {
          best = i;
        }
      }
      current[best] -= sum;
      result[step] = classIndexes.get(best);
    }
    return result;
  }
}
