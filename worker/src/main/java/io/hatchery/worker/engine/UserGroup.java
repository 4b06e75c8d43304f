package io.hatchery.worker.engine;

import io.hatchery.Environment;
import io.hatchery.http.ConnectionPool;
import io.hatchery.worker.runtime.UserPool;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The users of one worker, each on its own virtual thread (Locust's {@code user_greenlets} with
 * {@code spawn_users}/{@code stop_users}). Counts include only users not told to stop.
 *
 * <p>Stopping with a timeout follows Locust 2.12.1: each user finishes its current task (a waiting
 * user stops at once) and one watcher thread interrupts whoever is still running when the timeout
 * ends; a zero timeout interrupts at once. Per-user random generators are split from one seeded
 * {@link SplittableRandom} in start order, so a seed makes the task choice reproducible.
 *
 * <p>Thread-safety: {@link #applyTargets} and {@link #stopAll} from one control thread; counts from
 * any thread; users remove themselves when they end.
 */
public final class UserGroup implements UserPool {

  private final Environment environment;
  private final UserClasses classes;
  private final InstantSource clock;
  private final SplittableRandom seeds;
  private final AtomicLong ids = new AtomicLong();
  private final Object lock = new Object();
  private final Map<String, LinkedHashSet<RunningUser>> running = new HashMap<>();
  private final Set<RunningUser> alive = ConcurrentHashMap.newKeySet();
  private final Supplier<ConnectionPool> connectionPool;

  /**
   * Creates an empty group.
   *
   * @param clock the clock wait time functions see
   * @param seed seeds the users' random generators
   * @param connectionPool gives the HTTP connection pool, when a user first needs it
   */
  public UserGroup(
      Environment environment,
      UserClasses classes,
      InstantSource clock,
      long seed,
      Supplier<ConnectionPool> connectionPool) {
    this.connectionPool = Objects.requireNonNull(connectionPool, "connectionPool");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.classes = Objects.requireNonNull(classes, "classes");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.seeds = new SplittableRandom(seed);
  }

  @Override
  public Set<String> applyTargets(Map<String, Integer> targetsByClass, Duration stopTimeout) {
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Set<String> unknown = new TreeSet<>();
    List<RunningUser> toStop = new ArrayList<>();
    List<RunningUser> toStart = new ArrayList<>();
    synchronized (lock) {
      targetsByClass.forEach(
          (name, target) -> {
            if (target < 0) {
              throw new IllegalArgumentException(name + ": negative user count " + target);
            }
            UserClassModel model = classes.byName(name).orElse(null);
            if (model == null) {
              unknown.add(name);
              return;
            }
            LinkedHashSet<RunningUser> users =
                running.computeIfAbsent(name, n -> new LinkedHashSet<>());
            for (int i = users.size(); i < target; i++) {
              RunningUser user = new RunningUser(model, this, seeds.split(), ids.incrementAndGet());
              users.add(user);
              alive.add(user);
              toStart.add(user);
            }
            while (users.size() > target) {
              toStop.add(users.removeLast());
            }
          });
    }
    toStart.forEach(RunningUser::start);
    stop(toStop, stopTimeout);
    return unknown;
  }

  @Override
  public void stopAll(Duration stopTimeout) {
    List<RunningUser> toStop = new ArrayList<>();
    synchronized (lock) {
      running.values().forEach(users -> toStop.addAll(users.reversed()));
      running.clear();
    }
    stop(toStop, stopTimeout);
    boolean interrupted = false;
    for (RunningUser user : List.copyOf(alive)) {
      while (true) {
        try {
          user.join(Duration.ofDays(1));
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Map<String, Integer> userCountsByClass() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    synchronized (lock) {
      for (UserClassModel model : classes.models()) {
        Set<RunningUser> users = running.get(model.name());
        if (users != null && !users.isEmpty()) {
          counts.put(model.name(), users.size());
        }
      }
    }
    return counts;
  }

  @Override
  public int userCount() {
    synchronized (lock) {
      return running.values().stream().mapToInt(Set::size).sum();
    }
  }

  /** Users whose threads have not ended yet, stopping ones included. */
  public int aliveCount() {
    return alive.size();
  }

  Environment environment() {
    return environment;
  }

  ConnectionPool connectionPool() {
    return connectionPool.get();
  }

  InstantSource clock() {
    return clock;
  }

  /** Called by a user's thread as it ends, whatever the reason. */
  void ended(RunningUser user) {
    synchronized (lock) {
      Set<RunningUser> users = running.get(user.model().name());
      if (users != null) {
        users.remove(user);
      }
    }
    alive.remove(user);
  }

  private static void stop(List<RunningUser> users, Duration stopTimeout) {
    if (users.isEmpty()) {
      return;
    }
    boolean force = stopTimeout.isZero() || stopTimeout.isNegative();
    users.forEach(user -> user.stop(force));
    if (!force) {
      Thread.ofVirtual().name("stop-timeout").start(() -> killAfter(users, stopTimeout));
    }
  }

  /** Locust's {@code stop_users}: whoever is still running after the timeout is killed. */
  private static void killAfter(List<RunningUser> users, Duration stopTimeout) {
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    try {
      for (RunningUser user : users) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          user.join(Duration.ofNanos(left));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    users.stream().filter(RunningUser::isAlive).forEach(RunningUser::kill);
  }
}
