package io.hatchery.master.dispatch;

/**
 * What the dispatcher needs to know about one user class: its name, weight and {@code fixed_count}.
 *
 * <p>A class with {@code fixedCount > 0} is a fixed-count class (Locust's {@code
 * User.fixed_count}): exactly that many users of it are started before any weighted user, and its
 * weight is ignored. The other classes share the remaining users in proportion to {@code weight}
 * (Locust's {@code User.weight}, which may be fractional). Immutable.
 *
 * @param name the class name, as sent in {@code user_classes_count}; unique within a dispatcher
 * @param weight relative weight, finite and positive
 * @param fixedCount users of this class to run regardless of weights; 0 means "weighted"
 */
public record UserClassSpec(String name, double weight, long fixedCount) {
  public UserClassSpec {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("user class name must be non-empty");
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(name + ": weight must be finite and positive: " + weight);
    }
    if (fixedCount < 0) {
      throw new IllegalArgumentException(name + ": fixedCount must be >= 0: " + fixedCount);
    }
  }

  /** A weighted class (no fixed count). */
  public static UserClassSpec weighted(String name, double weight) {
    return new UserClassSpec(name, weight, 0);
  }

  /** A fixed-count class; its weight is irrelevant and set to 1. */
  public static UserClassSpec fixed(String name, long fixedCount) {
    if (fixedCount <= 0) {
      throw new IllegalArgumentException(name + ": fixedCount must be positive: " + fixedCount);
    }
    return new UserClassSpec(name, 1, fixedCount);
  }

  /** True when this class has a fixed count (Locust: {@code if user_class.fixed_count}). */
  public boolean isFixed() {
    return fixedCount > 0;
  }
}
