package io.hatchery;

import io.hatchery.http.ConnectionPool;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * What the engine provides to one running user: the engine-side services behind {@link
 * User#environment()}, {@link User#sleepWaitTime()} and {@link User#spawnBackground}. Implemented
 * by the user engine ({@code io.hatchery.worker.engine}); scenario code does not implement or call
 * it. Users and task sets are created through {@link #newUser} and {@link #newTaskSet}, which hand
 * the runtime and parent to their no-argument constructors.
 *
 * <p>Thread-safety: {@link #environment()} from any thread; the rest from the user's own thread,
 * except {@link #spawnBackground}, which any thread of the user may call.
 */
public interface UserRuntime {

  /** The environment the user runs in. */
  Environment environment();

  /**
   * Sleeps the wait time of the task holder currently running, as Locust's {@code self.wait()}: a
   * user told to stop stops here (by throwing {@link StopUser}), even inside a task.
   */
  void sleepWaitTime();

  /**
   * Starts {@code work} on a new virtual thread that is interrupted and joined when the user stops.
   */
  Thread spawnBackground(Runnable work);

  /** The process-wide HTTP connection pool {@link HttpUser} sessions are built on. */
  ConnectionPool connectionPool();

  /**
   * Registers {@code action} to run once on the user's thread when the user ends, after {@code
   * onStop} and after its background threads ended, however the user ends; failures are logged.
   */
  void whenEnded(Runnable action);

  /**
   * Creates a user of {@code type} bound to {@code runtime}, with its no-argument constructor
   * (which may be non-public).
   *
   * @throws ReflectiveOperationException when the class has no usable constructor, or wrapping the
   *     constructor's exception in an {@link InvocationTargetException}
   */
  static <T extends User> T newUser(Class<T> type, UserRuntime runtime)
      throws ReflectiveOperationException {
    Objects.requireNonNull(runtime, "runtime");
    Constructor<T> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return Construction.run(runtime, null, () -> constructor.newInstance());
  }

  /**
   * Creates a task set of {@code type} whose parent is {@code parent}. A non-static inner class
   * gets the parent (or the parent's user) as its enclosing instance when the types fit.
   *
   * @throws ReflectiveOperationException as {@link #newUser}
   */
  static <T extends TaskSet> T newTaskSet(Class<T> type, TaskHolder parent)
      throws ReflectiveOperationException {
    Objects.requireNonNull(parent, "parent");
    User user = parent instanceof TaskSet set ? set.user() : (User) parent;
    Class<?> outer =
        type.isMemberClass() && !Modifier.isStatic(type.getModifiers())
            ? type.getEnclosingClass()
            : null;
    if (outer == null) {
      Constructor<T> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return Construction.run(user.runtime(), parent, () -> constructor.newInstance());
    }
    Object enclosing = outer.isInstance(parent) ? parent : user;
    if (!outer.isInstance(enclosing)) {
      throw new InstantiationException(
          type.getName()
              + " is an inner class of "
              + outer.getName()
              + " but runs under "
              + parent.getClass().getName()
              + "; make it static");
    }
    Constructor<T> constructor = type.getDeclaredConstructor(outer);
    constructor.setAccessible(true);
    return Construction.run(user.runtime(), parent, () -> constructor.newInstance(enclosing));
  }
}
