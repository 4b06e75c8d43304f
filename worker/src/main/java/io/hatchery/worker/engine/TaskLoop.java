package io.hatchery.worker.engine;

import io.hatchery.InterruptTaskSet;
import io.hatchery.RescheduleTask;
import io.hatchery.RescheduleTaskImmediately;
import io.hatchery.StopUser;
import io.hatchery.TaskHolder;
import io.hatchery.TaskSet;
import io.hatchery.UserRuntime;
import io.hatchery.WaitTime;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The task loop of a user or task set, Locust 2.12.1's {@code TaskSet.run}: pick a task (at random
 * from the weight-expanded pool, or in order for a sequential set), run it, wait, forever. {@link
 * RescheduleTaskImmediately} skips the wait; any other exception is a user error and the loop goes
 * on (Locust's {@code catch_exceptions}); {@link InterruptTaskSet} leaves a nested task set through
 * its {@code onStop}; {@link StopUser} unwinds every level through its {@code onStop}. Stateless;
 * runs on the user's thread.
 */
final class TaskLoop {

  private TaskLoop() {}

  /** Runs {@code holder}'s tasks until the user stops (by throwing {@link StopUser}). */
  static void runTasks(RunningUser user, TaskHolder holder, TaskTree tree) {
    List<TaskNode> pool = tree.pool();
    if (pool.isEmpty()) {
      throw new IllegalStateException(
          "No tasks defined on "
              + tree.type().getSimpleName()
              + ": use @Task or a static tasks() list (or check --tags/--exclude-tags)");
    }
    int next = 0;
    while (true) {
      TaskNode task =
          tree.sequential()
              ? pool.get(next++ % pool.size())
              : pool.get(user.random().nextInt(pool.size()));
      try {
        user.checkStopping();
        execute(user, holder, task);
      } catch (RescheduleTaskImmediately e) {
        continue;
      } catch (RescheduleTask e) {
        // the task ended early; wait as after any task
      } catch (InterruptTaskSet e) {
        if (holder instanceof TaskSet) {
          throw e;
        }
        if (e.reschedule()) {
          continue;
        }
      } catch (StopUser e) {
        throw e;
      } catch (Throwable e) {
        if (user.killed()) {
          throw new StopUser();
        }
        user.reportError(holder, e);
      }
      user.sleepWaitTime();
    }
  }

  private static void execute(RunningUser user, TaskHolder holder, TaskNode task) throws Throwable {
    if (task.method() != null) {
      try {
        task.method().invoke(holder);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    } else if (task.function() != null) {
      task.function().run(holder);
    } else {
      runTaskSet(user, holder, task.taskSet());
    }
  }

  /**
   * Runs a nested task set until it is interrupted (then the parent reschedules as the interrupt
   * asked) or the user stops.
   */
  private static void runTaskSet(RunningUser user, TaskHolder parent, TaskTree tree)
      throws Throwable {
    TaskSet set;
    try {
      set = UserRuntime.newTaskSet(tree.type().asSubclass(TaskSet.class), parent);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    WaitTime own = set.waitTime();
    user.pushWaiter(
        own == null ? user.userWaiter() : new RunningUser.Waiter(own, user.newWaitContext()));
    try {
      try {
        set.onStart();
      } catch (InterruptTaskSet e) {
        throw reschedule(e);
      }
      try {
        runTasks(user, set, tree);
      } catch (InterruptTaskSet e) {
        user.onStop(set);
        throw reschedule(e);
      } catch (StopUser e) {
        user.onStop(set);
        throw e;
      }
    } finally {
      user.popWaiter();
    }
  }

  private static RuntimeException reschedule(InterruptTaskSet interrupt) {
    return interrupt.reschedule() ? new RescheduleTaskImmediately() : new RescheduleTask();
  }
}
