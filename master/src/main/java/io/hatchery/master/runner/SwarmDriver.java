package io.hatchery.master.runner;

import io.hatchery.master.dispatch.Dispatch;
import io.hatchery.master.dispatch.LegacySpawnShare;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.dispatch.UsersDispatcher;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.master.workers.WorkerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one swarm: steps the {@link UsersDispatcher} at the spawn rate, sending every G2 worker
 * its absolute per-class target in each iteration, or splits the users over pre-2.0 workers ({@link
 * LegacySpawnShare}), and tells when every worker reached its target.
 *
 * <p>Mirrors {@code MasterRunner.start}/{@code _spawn_users} of Locust 2.12.1 (G2) and {@code
 * start} of Locust 1.x (legacy). A cluster of G2 workers is dispatched per class; a cluster without
 * any G2 worker is split Locust 1.x style; in a mixed cluster the legacy workers get no users
 * (logged). Not thread-safe: owned by the control thread; time comes from the caller.
 */
final class SwarmDriver {
  private static final Logger LOG = LoggerFactory.getLogger(SwarmDriver.class);

  /** How long Locust's master waits after the last iteration for counts to match (≤ 1 s). */
  static final Duration SPAWN_COMPLETE_WAIT = Duration.ofSeconds(1);

  /**
   * Joins and departures within this long of a rebalancing re-dispatch wait for the next one and
   * share it. Locust re-dispatches on every single event; with 10,000 workers each re-dispatch is
   * 10,000 spawn messages, so a burst of joins (a master restart) or a liveness check that finds
   * many workers missing would cost that per worker. The first rebalancing after a quiet spell is
   * immediate.
   */
  static final Duration REDISPATCH_COALESCING = Duration.ofMillis(500);

  private final WorkerRegistry registry;
  private final Outbound out;
  private UsersDispatcher dispatcher;
  private List<UserClassSpec> dispatcherClasses = List.of();
  private boolean legacy;
  private boolean active;
  private long targetUserCount;
  private double spawnRatePerSecond;
  private Optional<String> host = Optional.empty();
  private Instant nextStepAt;
  private Instant completeFrom;
  private Instant completeDeadline;
  private boolean complete;
  private Instant lastRedispatchAt;
  private boolean redispatchPending;

  /**
   * Whether the next iteration is a rebalancing re-dispatch, which is sent only to the workers
   * whose targets it changes. Locust sends every worker its (mostly unchanged) target again, and
   * every one of them answers with two messages: at 10,000 workers, one worker going missing would
   * cost 30,000 messages instead of a handful.
   */
  private boolean onlyChangedTargets;

  private boolean targetsReachedAtCompletion;

  private final Map<String, Map<String, Long>> targets = new LinkedHashMap<>();
  private final Map<String, Long> legacyTargets = new LinkedHashMap<>();

  SwarmDriver(WorkerRegistry registry, Outbound out) {
    this.registry = registry;
    this.out = out;
  }

  /**
   * Starts a swarm, or edits the running one, towards {@code target} users.
   *
   * @return false when no worker can take users (nothing started)
   */
  boolean start(
      long target,
      double rate,
      Optional<String> newHost,
      List<UserClassSpec> classes,
      Instant now) {
    List<WorkerNode> g2 = g2Workers();
    List<WorkerNode> old = legacyWorkers();
    if (g2.isEmpty() && old.isEmpty()) {
      return false;
    }
    targetUserCount = target;
    spawnRatePerSecond = rate;
    host = newHost;
    complete = false;
    completeFrom = null;
    completeDeadline = null;
    active = true;
    if (!g2.isEmpty()) {
      if (!old.isEmpty()) {
        LOG.warn(
            "{} pre-2.0 worker(s) get no users: this cluster also has 2.x workers", old.size());
      }
      legacy = false;
      if (dispatcher == null || !dispatcherClasses.equals(classes)) {
        dispatcher = new UsersDispatcher(g2.stream().map(WorkerNode::id).toList(), classes);
        dispatcherClasses = List.copyOf(classes);
        targets.clear();
      }
      dispatcher.newDispatch(target, rate);
      nextStepAt = now;
      runDue(now);
    } else {
      legacy = true;
      sendLegacyShares(old, now);
    }
    return true;
  }

  /** Forgets the swarm (after {@code stop} or {@code quit}). */
  void stop() {
    active = false;
    dispatcher = null;
    dispatcherClasses = List.of();
    nextStepAt = null;
    completeFrom = null;
    completeDeadline = null;
    lastRedispatchAt = null;
    redispatchPending = false;
    targets.clear();
    legacyTargets.clear();
  }

  boolean isActive() {
    return active;
  }

  /** Whether a dispatch cycle (or legacy ramp) is under way and not yet complete. */
  boolean isSpawning() {
    return active && !complete;
  }

  long targetUserCount() {
    return targetUserCount;
  }

  /** A worker registered, or came back from missing: give it users if a swarm runs. */
  void workerJoined(WorkerNode node, Instant now) {
    if (!active) {
      return;
    }
    if (legacy != node.dialect().isLegacy()) {
      LOG.warn(
          "Worker {} ({}) joined a swarm of other generation workers: it gets no users",
          node.id(),
          node.dialect().label());
      return;
    }
    if (legacy) {
      // Locust 0.10+: a worker joining a run triggers a full re-hatch of every worker.
      sendLegacyShares(legacyWorkers(), now);
      return;
    }
    dispatcher.addWorker(node.id());
    redispatchIfIdle(now);
  }

  /**
   * A worker left or went missing.
   *
   * @param rebalanceNow re-dispatch its users to the others now (false: only at the next cycle)
   */
  void workerLeft(String nodeId, boolean rebalanceNow, Instant now) {
    if (!active) {
      return;
    }
    targets.remove(nodeId);
    if (legacy) {
      if (legacyTargets.remove(nodeId) != null && rebalanceNow && !legacyWorkers().isEmpty()) {
        sendLegacyShares(legacyWorkers(), now);
      }
      return;
    }
    dispatcher.removeWorker(nodeId);
    if (rebalanceNow) {
      redispatchIfIdle(now);
    }
  }

  /** Whether any worker of the swarm's generation is still active. */
  boolean hasWorkers() {
    return legacy ? !legacyWorkers().isEmpty() : !g2Workers().isEmpty();
  }

  private void redispatchIfIdle(Instant now) {
    if (nextStepAt != null || g2Workers().isEmpty()) {
      return; // a ramp or a re-dispatch is already due: it includes this worker change
    }
    Instant earliest =
        lastRedispatchAt == null ? now : lastRedispatchAt.plus(REDISPATCH_COALESCING);
    redispatchPending = true;
    nextStepAt = now.isBefore(earliest) ? earliest : now;
    runDue(now);
  }

  /** The next instant after {@code now} at which {@link #runDue} has work, or null. */
  Instant nextDeadline(Instant now) {
    if (nextStepAt != null) {
      return nextStepAt;
    }
    if (active && !complete && completeFrom != null) {
      return now.isBefore(completeFrom) ? completeFrom : completeDeadline;
    }
    return null;
  }

  /**
   * Sends due dispatch iterations and checks completion.
   *
   * @return true exactly once per cycle: when every worker reached its target (or the wait ended)
   */
  boolean runDue(Instant now) {
    while (nextStepAt != null && !now.isBefore(nextStepAt)) {
      if (redispatchPending) {
        // Locust's master calls start() again with the same target and rate.
        redispatchPending = false;
        lastRedispatchAt = now;
        dispatcher.newDispatch(targetUserCount, spawnRatePerSecond);
        complete = false;
        onlyChangedTargets = true;
      }
      step(now);
      onlyChangedTargets = false;
    }
    return checkComplete(now);
  }

  private void step(Instant now) {
    if (dispatcher.isDone()) {
      nextStepAt = null;
      completeFrom = now;
      completeDeadline = now.plus(SPAWN_COMPLETE_WAIT);
      return;
    }
    Dispatch dispatch = dispatcher.next();
    dispatch
        .usersPerWorker()
        .forEach(
            (id, counts) ->
                registry
                    .find(id)
                    .filter(node -> !node.isMissing())
                    .filter(node -> !onlyChangedTargets || !counts.equals(targets.get(id)))
                    .ifPresent(
                        node -> {
                          targets.put(id, counts);
                          out.spawn(node, counts, host);
                        }));
    if (dispatcher.isDone()) {
      nextStepAt = null;
      completeFrom = now.plus(dispatch.delayBeforeNext());
      completeDeadline = completeFrom.plus(SPAWN_COMPLETE_WAIT);
    } else {
      nextStepAt = now.plus(dispatcher.delayBeforeNext());
    }
  }

  private boolean checkComplete(Instant now) {
    if (!active || complete || completeFrom == null || now.isBefore(completeFrom)) {
      return false;
    }
    boolean reached = everyTargetReached();
    if (reached || !now.isBefore(completeDeadline)) {
      complete = true;
      targetsReachedAtCompletion = reached;
      return true;
    }
    return false;
  }

  /** Whether the last completed cycle ended with every worker at its target (not by timeout). */
  boolean targetsReachedAtCompletion() {
    return targetsReachedAtCompletion;
  }

  private boolean everyTargetReached() {
    if (legacy) {
      for (Map.Entry<String, Long> e : legacyTargets.entrySet()) {
        Optional<WorkerNode> node = registry.find(e.getKey());
        if (node.isPresent() && !node.get().isMissing() && node.get().userCount() != e.getValue()) {
          return false;
        }
      }
      return true;
    }
    for (Map.Entry<String, Map<String, Long>> e : targets.entrySet()) {
      Optional<WorkerNode> node = registry.find(e.getKey());
      if (node.isEmpty() || node.get().isMissing()) {
        continue;
      }
      for (Map.Entry<String, Long> cls : e.getValue().entrySet()) {
        if (node.get().userClassesCount().getOrDefault(cls.getKey(), 0L).longValue()
            != cls.getValue()) {
          return false;
        }
      }
    }
    return true;
  }

  private void sendLegacyShares(List<WorkerNode> workers, Instant now) {
    List<LegacySpawnShare> shares =
        LegacySpawnShare.split(targetUserCount, spawnRatePerSecond, workers.size());
    legacyTargets.clear();
    long longestRampMillis = 0;
    for (int i = 0; i < workers.size(); i++) {
      LegacySpawnShare share = shares.get(i);
      legacyTargets.put(workers.get(i).id(), share.userCount());
      out.legacyStart(workers.get(i), share, host);
      long ramp = (long) Math.ceil(share.userCount() * 1000 / share.spawnRatePerSecond());
      longestRampMillis = Math.max(longestRampMillis, ramp);
    }
    // Legacy workers ramp by themselves; give them their ramp time plus a margin to report.
    nextStepAt = null;
    complete = false;
    completeFrom = now;
    completeDeadline = now.plusMillis(longestRampMillis).plusSeconds(5);
  }

  private List<WorkerNode> g2Workers() {
    return registry.active().stream().filter(n -> !n.dialect().isLegacy()).toList();
  }

  private List<WorkerNode> legacyWorkers() {
    return registry.active().stream().filter(n -> n.dialect().isLegacy()).toList();
  }
}
