package io.hatchery.worker.engine;

import io.hatchery.Environment;
import io.hatchery.StopUser;
import io.hatchery.TaskHolder;
import io.hatchery.User;
import io.hatchery.UserErrorEvent;
import io.hatchery.UserRuntime;
import io.hatchery.WaitContext;
import io.hatchery.WaitTime;
import io.hatchery.http.ConnectionPool;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One simulated user and its virtual thread (Locust's user greenlet): constructs the user, runs
 * {@code onStart}, the task loop and {@code onStop}, and owns the user's background threads.
 *
 * <p>Stopping follows Locust's {@code User.stop}: {@link #stop(boolean) stop(false)} lets the
 * current task finish and ends the user at its next wait (a waiting user is interrupted at once);
 * {@link #kill()} interrupts the thread wherever it is. Thread-safety: {@link #stop}, {@link
 * #kill}, {@link #join} and {@link #spawnBackground} from any thread; everything else on the user's
 * own thread.
 */
final class RunningUser implements UserRuntime {

  private static final System.Logger LOG = System.getLogger(RunningUser.class.getName());

  /** A task holder's wait time function and its per-owner state. */
  record Waiter(WaitTime waitTime, WaitContext context) {}

  private final UserClassModel model;
  private final UserGroup group;
  private final RandomGenerator random;
  private final Thread thread;
  private final Deque<Waiter> waiters = new ArrayDeque<>();
  private final BackgroundThreads background;
  private final List<Runnable> endActions = new ArrayList<>();
  private volatile boolean stopRequested;
  private volatile boolean waiting;
  private volatile boolean killed;
  private User user;

  RunningUser(UserClassModel model, UserGroup group, RandomGenerator random, long id) {
    this.model = model;
    this.group = group;
    this.random = random;
    this.thread = Thread.ofVirtual().name(model.name() + "-" + id).unstarted(this::run);
    this.background = new BackgroundThreads(thread.getName(), this::backgroundFailed);
  }

  void start() {
    thread.start();
  }

  UserClassModel model() {
    return model;
  }

  RandomGenerator random() {
    return random;
  }

  /** Asks the user to stop; with {@code force}, or while it waits, it is interrupted at once. */
  void stop(boolean force) {
    stopRequested = true;
    if (force || waiting) {
      kill();
    }
  }

  /** Interrupts the user's thread; the user ends as soon as its code lets the interrupt through. */
  void kill() {
    stopRequested = true;
    killed = true;
    thread.interrupt();
  }

  /** Waits up to {@code limit} for the user's thread to end; returns whether it has. */
  boolean join(Duration limit) throws InterruptedException {
    return thread.join(limit);
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  boolean killed() {
    return killed;
  }

  /**
   * Throws {@link StopUser} when the user was told to stop (Locust's state check before a task).
   */
  void checkStopping() {
    if (stopRequested) {
      throw new StopUser();
    }
  }

  @Override
  public Environment environment() {
    return group.environment();
  }

  @Override
  public void sleepWaitTime() {
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException("sleepWaitTime() must be called on the user's own thread");
    }
    checkStopping();
    Waiter waiter = waiters.peek();
    waiting = true;
    try {
      checkStopping();
      Duration wait = waiter.waitTime().next(waiter.context());
      if (wait.isPositive()) {
        Thread.sleep(wait);
      }
    } catch (InterruptedException e) {
      killed = true;
      throw new StopUser();
    } finally {
      waiting = false;
    }
    checkStopping();
  }

  @Override
  public Thread spawnBackground(Runnable work) {
    return background.spawn(work);
  }

  @Override
  public ConnectionPool connectionPool() {
    return group.connectionPool();
  }

  @Override
  public void whenEnded(Runnable action) {
    synchronized (endActions) {
      endActions.add(action);
    }
  }

  void pushWaiter(Waiter waiter) {
    waiters.push(waiter);
  }

  void popWaiter() {
    waiters.pop();
  }

  Waiter userWaiter() {
    return waiters.peekLast();
  }

  WaitContext newWaitContext() {
    return new WaitContext(group.clock(), random);
  }

  /** Fires the user error event for {@code error}, thrown by {@code owner}'s code. */
  void reportError(TaskHolder owner, Throwable error) {
    if (error instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    LOG.log(System.Logger.Level.ERROR, model.name() + ": " + error, error);
    environment().events().userError().fire(new UserErrorEvent(owner, error));
  }

  private void run() {
    try {
      if (construct()) {
        runConstructed();
      }
    } finally {
      background.end();
      runEndActions();
      group.ended(this);
    }
  }

  private boolean construct() {
    try {
      user = UserRuntime.newUser(model.type(), this);
      return true;
    } catch (InvocationTargetException e) {
      if (!killed) {
        reportError(null, e.getCause());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (!killed) {
        reportError(null, e);
      }
    }
    return false;
  }

  /** Locust's {@code User.run}: an {@code onStart} failure ends the user without {@code onStop}. */
  private void runConstructed() {
    try {
      try {
        pushWaiter(new Waiter(user.waitTime(), newWaitContext()));
        user.onStart();
      } catch (StopUser e) {
        throw e;
      } catch (Throwable e) {
        if (killed) {
          throw new StopUser();
        }
        reportError(user, e);
        return;
      }
      TaskLoop.runTasks(this, user, model.tree());
    } catch (StopUser e) {
      onStop(user);
    } catch (Throwable e) {
      if (!killed) {
        reportError(user, e);
      }
    }
  }

  /** Runs {@code owner.onStop()} with the interrupt cleared; its failure is a user error. */
  void onStop(TaskHolder owner) {
    Thread.interrupted();
    try {
      owner.onStop();
    } catch (Throwable e) {
      if (!(e instanceof StopUser)) {
        reportError(owner, e);
      }
    }
  }

  private void backgroundFailed(Throwable error) {
    if (!killed && !(error instanceof StopUser)) {
      reportError(user, error);
    }
  }

  private void runEndActions() {
    List<Runnable> actions;
    synchronized (endActions) {
      actions = List.copyOf(endActions);
    }
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, model.name() + ": cleanup failed", e);
      }
    }
  }
}
