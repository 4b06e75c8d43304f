package io.hatchery.worker.engine;

import java.util.Objects;
import java.util.Set;

/**
 * Plain data about one user class for the CLI and the master (which turns it into its dispatcher's
 * {@code UserClassSpec}): Locust's {@code __name__}, {@code weight}, {@code fixed_count}, the tags
 * of its tasks and its default {@code host}. Immutable.
 *
 * @param name the class's simple name, as sent in {@code user_classes_count}
 * @param weight relative weight, finite and positive
 * @param fixedCount users to run regardless of weight; 0 = weighted
 * @param tags every tag on its tasks, sorted
 * @param host the class's default host, or null
 */
public record UserClassDescription(
    String name, double weight, int fixedCount, Set<String> tags, String host) {

  /** Checks the figures. */
  public UserClassDescription {
    Objects.requireNonNull(name, "name");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(name + ": weight must be finite and positive: " + weight);
    }
    if (fixedCount < 0) {
      throw new IllegalArgumentException(name + ": fixedCount must be >= 0: " + fixedCount);
    }
    tags = Set.copyOf(new java.util.TreeSet<>(tags));
  }
}
