package io.hatchery;

import java.util.Map;

/**
 * A simulated user: Locust's {@code User}. Subclass it, declare tasks with {@link Task} (or a
 * static {@code tasks()} returning {@link Tasks}), and the engine runs each instance on its own
 * virtual thread: {@link #onStart()}, then forever a task picked by weight followed by {@link
 * #waitTime()}, and {@link #onStop()} when the user is stopped.
 *
 * <pre>{@code
 * @UserClass(weight = 2)
 * public class Browser extends User {
 *   @Override public WaitTime waitTime() { return WaitTime.between(1, 5); }
 *   @Task(weight = 3) void browse() throws Exception { ... }
 *   @Task void search() throws Exception { ... }
 * }
 * }</pre>
 *
 * <p>Class-level facts (weight, fixed count, default host) come from {@link UserClass}; an abstract
 * class is never run (Locust's {@code abstract = True}). A concrete class needs a no-argument
 * constructor (any visibility); the engine creates instances through {@link UserRuntime#newUser}. A
 * task that throws is reported (the {@code user_error} event) and the user goes on; {@link
 * StopUser}, {@link RescheduleTask} and {@link RescheduleTaskImmediately} steer the loop. Stopping
 * interrupts the user's thread, so blocking calls end with {@link InterruptedException} (or an
 * {@code InterruptedIOException}); let it propagate.
 *
 * <p>Thread-safety: an instance is used by its own thread; {@link #environment()} and {@link
 * #host()} may be read from any thread.
 */
public abstract non-sealed class User implements TaskHolder {

  private final UserRuntime runtime;

  /** Binds the user to the runtime the engine is constructing it for. */
  protected User() {
    this.runtime = Construction.runtime("User");
  }

  /**
   * The wait after each task (Locust's {@code wait_time}); called once per user. The default is no
   * wait ({@code constant(0)}, as in Locust 2.x).
   */
  public WaitTime waitTime() {
    return WaitTime.constant(0);
  }

  /** The environment this user runs in (Locust's {@code self.environment}). */
  public final Environment environment() {
    return runtime.environment();
  }

  /**
   * The host (base URL) requests go to: {@code --host} when given, else the class's {@link
   * UserClass#host()}, else null (Locust's {@code host}).
   */
  public final String host() {
    String fromCommandLine = runtime.environment().host();
    if (fromCommandLine != null) {
      return fromCommandLine;
    }
    UserClass declared = getClass().getAnnotation(UserClass.class);
    return declared == null || declared.host().isEmpty() ? null : declared.host();
  }

  /**
   * Entries added to the context of every request this user makes (Locust's {@code context()});
   * called per request, so keep it cheap. Default: empty.
   */
  public Map<String, Object> context() {
    return Map.of();
  }

  /**
   * Sleeps the current task holder's wait time now (Locust's {@code self.wait()}); a user told to
   * stop ends here even if a stop timeout would let its task finish.
   */
  public final void sleepWaitTime() {
    runtime.sleepWaitTime();
  }

  /**
   * Starts {@code work} on a new virtual thread that belongs to this user: it may outlive the task
   * that started it, and it is interrupted and joined when the user stops (the manuals' "spawn a
   * greenlet and poll"). Report requests from it through {@link Events#request()}.
   */
  public final Thread spawnBackground(Runnable work) {
    return runtime.spawnBackground(work);
  }

  final UserRuntime runtime() {
    return runtime;
  }
}
