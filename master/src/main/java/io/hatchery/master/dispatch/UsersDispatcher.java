package io.hatchery.master.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Distributes users over workers, one dispatch iteration at a time: a pure computation that never
 * sleeps and owns no threads; the caller sends each {@link Dispatch} and schedules the next call.
 *
 * <p>Mirrors {@code locust.dispatch.UsersDispatcher} of Locust 2.12.1, iteration for iteration
 * (proven against fixtures recorded from it):
 *
 * <ul>
 *   <li>workers are ordered by (index among workers of the same host, node id), the host being the
 *       node id up to the first {@code _};
 *   <li>classes are ordered by name; fixed-count classes are started first until their counts are
 *       reached, then weighted classes follow a smooth weighted round-robin over the weights
 *       normalised so the smallest is 2;
 *   <li>each iteration starts (or stops, newest first) {@code max(1, floor(rate))} users, handed to
 *       workers round-robin, and is followed by {@code max(1, floor(rate)) / rate} seconds;
 *   <li>{@link #newDispatch} starts a cycle towards a new target from the current distribution;
 *   <li>{@link #addWorker}/{@link #removeWorker} recompute the distribution of the current user
 *       count as if ramping up from zero; it is delivered by the next iteration, or, once the cycle
 *       is done, by the next cycle (Locust's master then calls {@code start} again with the same
 *       target and rate: do the same with {@link #newDispatch}).
 * </ul>
 *
 * <p>Usage by the master's control thread:
 *
 * <pre>{@code
 * UsersDispatcher dispatcher = new UsersDispatcher(workerIds, userClasses);
 * dispatcher.newDispatch(100, 10.0);
 * while (!dispatcher.isDone()) {          // in reality: one step per timer tick
 *   Dispatch dispatch = dispatcher.next();
 *   dispatch.usersPerWorker().forEach(this::sendSpawn);
 *   scheduleNextStep(dispatcher.delayBeforeNext());
 * }
 * }</pre>
 *
 * <p>Known 2.12.1 quirks kept on purpose: removing the last worker leaves the distribution (and the
 * round-robin) untouched, so further ramp-up steps still name the departed worker until a worker is
 * added; a second worker change right after a rebalance iteration is delivered on top of the next
 * ramp step, which is then repeated once with no delay; after a ramp that ran out of users to start
 * (fixed-count classes only) the delay is still waited before the cycle ends. One quirk not kept:
 * 2.12.1 hangs when ramping up again while every fixed-count class is still at its count (see
 * {@link UserSequence}). The {@code user_classes} argument of Locust's {@code new_dispatch} is not
 * supported: classes are fixed per dispatcher.
 *
 * <p>Not thread-safe: owned by the master's control thread, which must make every call.
 */
public final class UsersDispatcher implements Iterator<Dispatch> {
  private final List<UserClassSpec> userClasses;
  private final UserSequence.Progress progress = new FixedProgress();
  private List<String> workers;

  /**
   * Whether workers were appended to {@link #workers} since it was last sorted. Locust sorts on
   * every addition; here the sort waits until the order matters (a distribution, or a removal,
   * which Locust applies to the sorted list without sorting again).
   */
  private boolean workersUnsorted;

  /**
   * Whether workers changed since the distribution was last computed. Locust recomputes it on every
   * change; here the O(workers) work waits until a distribution is needed, so a burst of changes (a
   * liveness check finding many workers missing) costs one computation.
   */
  private boolean distributionStale;

  private Map<String, long[]> usersOnWorkers;
  private Map<String, long[]> initialUsersOnWorkers;
  private List<ActiveUser> activeUsers = new ArrayList<>();
  private UserSequence userSequence;
  private WorkerCycle workerCycle;
  private long currentUserCount;
  private long targetUserCount;
  private long usersPerStep;
  private Duration stepDelay = Duration.ZERO;

  private ResumePoint point = ResumePoint.NOT_STARTED;
  private boolean rebalance;
  private boolean noUserToSpawn;
  private boolean tryDispatchFixed = true;

  /**
   * @param workerIds the node ids of the workers, at least one
   * @param userClasses at least one class, names unique
   */
  public UsersDispatcher(List<String> workerIds, List<UserClassSpec> userClasses) {
    if (workerIds.isEmpty()) {
      throw new IllegalArgumentException("at least one worker is needed");
    }
    if (userClasses.isEmpty()) {
      throw new IllegalArgumentException("at least one user class is needed");
    }
    List<UserClassSpec> sorted = new ArrayList<>(userClasses);
    sorted.sort((a, b) -> WorkerIds.CODE_POINT_ORDER.compare(a.name(), b.name()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new IllegalArgumentException("duplicate user class " + sorted.get(i).name());
      }
    }
    this.userClasses = List.copyOf(sorted);
    this.workers = WorkerIds.sortForDispatch(workerIds);
    this.usersOnWorkers = zeros(workerIds);
    this.initialUsersOnWorkers = usersOnWorkers;
    this.userSequence = new UserSequence(this.userClasses);
    this.workerCycle = new WorkerCycle(workers);
  }

  /**
   * Starts a dispatch cycle from the current distribution towards {@code targetUserCount} users at
   * {@code spawnRatePerSecond}; used to start a test and to edit a running one. Mirrors {@code
   * UsersDispatcher.new_dispatch}.
   */
  public void newDispatch(long targetUserCount, double spawnRatePerSecond) {
    if (targetUserCount < 0) {
      throw new IllegalArgumentException("targetUserCount must be >= 0: " + targetUserCount);
    }
    if (!(spawnRatePerSecond > 0) || Double.isInfinite(spawnRatePerSecond)) {
      throw new IllegalArgumentException("spawn rate must be finite and positive");
    }
    isDone(); // ends a cycle with nothing left, as Locust's master runs it to StopIteration
    distributeIfStale();
    this.targetUserCount = targetUserCount;
    this.usersPerStep = Math.max(1, (long) Math.floor(spawnRatePerSecond));
    this.stepDelay = seconds(usersPerStep / spawnRatePerSecond);
    this.initialUsersOnWorkers = usersOnWorkers;
    this.usersOnWorkers = UsersOnWorkers.copy(initialUsersOnWorkers);
    this.currentUserCount = UsersOnWorkers.sum(usersOnWorkers);
    this.point = ResumePoint.NEW;
  }

  /**
   * Adds a worker and prepares a rebalance, delivered by the next iteration of this cycle; if the
   * cycle is over, call {@link #newDispatch} with the current target and rate to deliver it, as
   * Locust's master calls {@code start} again. Mirrors {@code UsersDispatcher.add_worker}.
   */
  public void addWorker(String workerId) {
    List<String> grown = new ArrayList<>(workers);
    grown.add(workerId);
    workers = grown;
    workersUnsorted = true;
    prepareRebalance();
  }

  /**
   * Removes a worker and prepares a rebalance that moves its users to the others, delivered as
   * after {@link #addWorker}; removing the last worker changes nothing else (see the class
   * comment). Mirrors {@code UsersDispatcher.remove_worker}.
   */
  public void removeWorker(String workerId) {
    sortIfNeeded();
    List<String> remaining = workers.stream().filter(id -> !id.equals(workerId)).toList();
    if (remaining.isEmpty()) {
      // Locust leaves the distribution as it was before this removal.
      distributeIfStale();
      workers = remaining;
      return;
    }
    workers = remaining;
    prepareRebalance();
  }

  /**
   * True when the cycle has no further iteration. Once this returns true the cycle is over, as when
   * Locust's generator raises {@code StopIteration} (its master asks for the next iteration right
   * after sending one): it stays done until {@link #newDispatch}, even if a worker is added or
   * removed meanwhile. Also true before the first {@code newDispatch}.
   */
  public boolean isDone() {
    if (point == ResumePoint.NOT_STARTED || point == ResumePoint.FINISHED) {
      return true;
    }
    DispatchStep step = plan();
    if (step.action() != DispatchStep.Action.END) {
      return false;
    }
    apply(step);
    return true;
  }

  @Override
  public boolean hasNext() {
    return !isDone();
  }

  /**
   * How long to wait, from the last iteration, before calling {@link #next()}. Equals the last
   * {@link Dispatch#delayBeforeNext()} unless a worker was added or removed since, which can make
   * the rebalanced distribution due at once. Locust 2.12.1 sleeps this long minus the time it spent
   * computing and sending the last iteration; a caller that measures from when it sent the last
   * iteration does the same.
   *
   * <p>The last iteration's {@link Dispatch#delayBeforeNext()} is what to wait before treating the
   * cycle as complete: usually zero, but Locust still sleeps one step when it ran out of users to
   * start (fixed-count classes only). Once {@link #isDone()} has returned true this is zero.
   */
  public Duration delayBeforeNext() {
    return plan().sleep();
  }

  /**
   * Computes the next iteration.
   *
   * @throws NoSuchElementException when {@link #isDone()}
   */
  @Override
  public Dispatch next() {
    if (isDone()) {
      throw new NoSuchElementException("dispatch cycle is done");
    }
    distributeIfStale();
    DispatchStep step = plan();
    apply(step);
    Map<String, long[]> users =
        switch (step.action()) {
          case EMIT_INITIAL -> initialUsersOnWorkers;
          case ADD_USERS -> {
            addUsers();
            yield usersOnWorkers;
          }
          case REMOVE_USERS -> {
            removeUsers();
            yield usersOnWorkers;
          }
          case EMIT_CURRENT -> usersOnWorkers;
          case END -> throw new AssertionError("handled above");
        };
    return new Dispatch(UsersOnWorkers.view(users, userClasses), delayBeforeNext());
  }

  /** Users currently distributed (the sum of the last computed distribution). */
  public long currentUserCount() {
    return currentUserCount;
  }

  /** The target of the current cycle. */
  public long targetUserCount() {
    return targetUserCount;
  }

  /** The workers in dispatch order. */
  public List<String> workers() {
    sortIfNeeded();
    return List.copyOf(workers);
  }

  private DispatchStep plan() {
    return DispatchStep.plan(
        point, rebalance, noUserToSpawn, currentUserCount, targetUserCount, stepDelay);
  }

  private void apply(DispatchStep step) {
    if (step.clearsRebalance()) {
      rebalance = false;
    }
    if (step.clearsNoUserToSpawn()) {
      noUserToSpawn = false;
    }
    point = step.next();
  }

  private void addUsers() {
    long stepTarget = Math.min(currentUserCount + usersPerStep, targetUserCount);
    while (true) {
      int userClass = userSequence.next(progress);
      if (userClass == UserSequence.NONE) {
        noUserToSpawn = true;
        return;
      }
      String worker = workerCycle.next();
      usersOnWorkers.get(worker)[userClass]++;
      currentUserCount++;
      activeUsers.add(new ActiveUser(worker, userClass));
      if (currentUserCount >= stepTarget) {
        return;
      }
    }
  }

  private void removeUsers() {
    long stepTarget = Math.max(currentUserCount - usersPerStep, targetUserCount);
    while (!activeUsers.isEmpty()) {
      ActiveUser user = activeUsers.removeLast();
      usersOnWorkers.get(user.workerId())[user.classIndex()]--;
      currentUserCount--;
      tryDispatchFixed = true;
      if (currentUserCount == 0 || currentUserCount <= stepTarget) {
        return;
      }
    }
  }

  /** Locust's {@code _prepare_rebalance}; the distribution itself follows when it is needed. */
  private void prepareRebalance() {
    distributionStale = true;
    rebalance = true;
  }

  /**
   * Locust's {@code _distribute_users} over the sorted workers, if they changed since the last one.
   * The result depends only on the workers and on {@link #currentUserCount}, which changes only in
   * {@link #next()} and {@link #newDispatch}, both of which call this first.
   */
  private void distributeIfStale() {
    if (!distributionStale) {
      return;
    }
    distributionStale = false;
    sortIfNeeded();
    // The fixed-count re-read inside the fresh sequence must see zeros, as in Locust.
    usersOnWorkers = zeros(workers);
    tryDispatchFixed = true;
    UserSequence sequence = new UserSequence(userClasses);
    WorkerCycle cycle = new WorkerCycle(workers);
    Map<String, long[]> distribution = zeros(workers);
    List<ActiveUser> active = new ArrayList<>();
    for (long count = 0; count < currentUserCount; count++) {
      int userClass = sequence.next(progress);
      if (userClass == UserSequence.NONE) {
        break;
      }
      String worker = cycle.next();
      distribution.get(worker)[userClass]++;
      active.add(new ActiveUser(worker, userClass));
    }
    usersOnWorkers = distribution;
    activeUsers = active;
    userSequence = sequence;
    workerCycle = cycle;
  }

  private void sortIfNeeded() {
    if (workersUnsorted) {
      workersUnsorted = false;
      workers = WorkerIds.sortForDispatch(workers);
    }
  }

  private Map<String, long[]> zeros(List<String> workerIds) {
    return UsersOnWorkers.zeros(workerIds, userClasses.size());
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  private record ActiveUser(String workerId, int classIndex) {}

  private final class FixedProgress implements UserSequence.Progress {
    @Override
    public boolean takeTryDispatchFixed() {
      boolean value = tryDispatchFixed;
      tryDispatchFixed = false;
      return value;
    }

    @Override
    public long currentCount(int classIndex) {
      return UsersOnWorkers.classCount(usersOnWorkers, classIndex);
    }
  }
}
