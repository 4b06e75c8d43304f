package io.hatchery;

/**
 * Hands the runtime and parent to the no-argument constructors of {@link User} and {@link TaskSet}
 * while {@link UserRuntime#newUser}/{@link UserRuntime#newTaskSet} run them. Confined to the
 * constructing thread.
 */
final class Construction {

  /** A constructor call; throws what {@code Constructor.newInstance} throws. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws ReflectiveOperationException;
  }

  private record Slot(UserRuntime runtime, TaskHolder parent) {}

  private static final ThreadLocal<Slot> CURRENT = new ThreadLocal<>();

  private Construction() {}

  static <T> T run(UserRuntime runtime, TaskHolder parent, Call<T> call)
      throws ReflectiveOperationException {
    Slot previous = CURRENT.get();
    CURRENT.set(new Slot(runtime, parent));
    try {
      return call.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static UserRuntime runtime(String what) {
    Slot slot = CURRENT.get();
    if (slot == null) {
      throw new IllegalStateException(
          what
              + " objects are created by the engine (UserRuntime.newUser/newTaskSet), not with new");
    }
    return slot.runtime();
  }

  static TaskHolder parent() {
    Slot slot = CURRENT.get();
    if (slot == null || slot.parent() == null) {
      throw new IllegalStateException(
          "TaskSet objects are created by the engine (UserRuntime.newTaskSet), not with new");
    }
    return slot.parent();
  }
}
