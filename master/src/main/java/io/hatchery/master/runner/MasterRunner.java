package io.hatchery.master.runner;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.workers.UnknownPeers;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.master.workers.WorkerRegistry;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.PeerSlot;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.RpcServer;
import io.hatchery.stats.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's state machine: run state, workers, dispatch, statistics and exceptions, changed only
 * by {@link #handle} (one worker message), the commands ({@link #start}, {@link #stop}, {@link
 * #quit}, ...) and {@link #runDue} (timers). Messages go through {@link WorkerMessages}, one method
 * per message type. Time comes from the injected clock only, so tests drive it without sleeping.
 *
 * <p>Mirrors {@code MasterRunner} in locust/runners.py (2.12.1), with the robustness its listener
 * lacks: an exception while handling one message is logged with the node id and the loop goes on.
 *
 * <p>Not thread-safe: every method must be called from one thread, the control thread ({@link
 * Master} runs one; tests call it directly). Listeners may be added from any thread.
 */
public final class MasterRunner {
  private static final Logger LOG = LoggerFactory.getLogger(MasterRunner.class);

  /** Extra time given to workers to send their final stats and {@code quit} after ours. */
  static final Duration QUIT_GRACE = Duration.ofSeconds(10);

  /** Extra time after the stop timeout before a stop is considered done anyway (Locust: 60 s). */
  static final Duration STOP_GRACE = Duration.ofSeconds(60);

  final MasterSettings settings;
  final InstantSource clock;
  final WorkerRegistry registry;
  final UnknownPeers unknownPeers;
  final UnknownPeers reconnectLimiter;
  final Outbound out;
  final SwarmDriver driver;
  final RequestStats stats;
  final ExceptionTable exceptions = new ExceptionTable();
  final RateLimitedLog peerLog = new RateLimitedLog(LOG, 10_000);
  final List<MasterListener> listeners = new CopyOnWriteArrayList<>();
  final Map<String, MasterMessageListener> messageListeners = new ConcurrentHashMap<>();
  private final WorkerMessages messages;
  private final SnapshotBuilder snapshots;
  private final List<UserClassSpec> userClasses;

  private RunState state = RunState.READY;
  private Optional<String> host;
  long statsVersion;
  long droppedMessages;
  private boolean dirty = true;
  private boolean freshStatsWanted;
  private boolean quitting;
  private boolean terminated;
  private Instant nextLivenessCheckAt;
  private Instant runTimeDeadline;
  private Instant stopDeadline;
  private Instant quitDeadline;
  private Instant nextPublishAt;
  private volatile MasterSnapshot latest;

  public MasterRunner(RpcServer rpc, InstantSource clock, MasterSettings settings) {
    this.settings = settings;
    this.clock = clock;
    this.userClasses = settings.effectiveUserClasses();
    if (settings.userClasses().isEmpty()) {
      LOG.warn(
          "No user classes known: users are dispatched under the one class name '{}'"
              + " (Boomer and Locust4j ignore class names; Python workers need a class of that name)",
          MasterSettings.DEFAULT_USER_CLASS);
    }
    this.registry = new WorkerRegistry(settings.maxWorkers());
    this.unknownPeers = new UnknownPeers(settings.maxUnknownPeers(), 10_000);
    this.reconnectLimiter = new UnknownPeers(settings.maxUnknownPeers(), 1_000);
    this.out = new Outbound(rpc, clock, settings);
    this.driver = new SwarmDriver(registry, out);
    this.stats = new RequestStats(clock);
    this.host = settings.host();
    this.messages = new WorkerMessages(this);
    this.snapshots = new SnapshotBuilder(userClasses);
    this.nextLivenessCheckAt = clock.instant().plus(settings.heartbeatInterval());
    publish(clock.instant(), true);
  }

  public void addListener(MasterListener listener) {
    listeners.add(listener);
  }

  public void registerMessage(String type, MasterMessageListener listener) {
    messageListeners.put(type, listener);
  }

  /** Handles one transport event; never throws (faults are logged with the node id). */
  public void handle(RpcEvent event) {
    handle(event, null);
  }

  /**
   * {@link #handle(RpcEvent)} for an event read from a connection whose {@link PeerSlot} the runner
   * may use to keep the sender's registry node (no lookup by node id per message).
   *
   * @param peer the connection's slot, or null when the transport has none
   */
  public void handle(RpcEvent event, PeerSlot peer) {
    Instant now = clock.instant(); // one clock read per message, shared by its handler
    try {
      messages.handle(event, now, peer);
    } catch (RuntimeException e) {
      String node =
          event instanceof RpcEvent.Received r
              ? r.nodeId()
              : ((RpcEvent.Malformed) event).identityForLog();
      LOG.error("Error while handling a message from worker {}; continuing", node, e);
    }
    dirty = true;
    afterChange(now);
  }

  /** Runs every timer that is due at the clock's now. */
  public void runDue() {
    Instant now = clock.instant();
    try {
      if (!nextLivenessCheckAt.isAfter(now)) {
        // One check per due time, never a burst: after a stall (GC, suspended VM) Locust's
        // sleeping checker also runs once, so workers are not marked missing for our pause.
        nextLivenessCheckAt = nextLivenessCheckAt.plus(settings.heartbeatInterval());
        if (!nextLivenessCheckAt.isAfter(now)) {
          nextLivenessCheckAt = now.plus(settings.heartbeatInterval());
        }
        messages.checkLiveness(now);
      }
      if (runTimeDeadline != null && !now.isBefore(runTimeDeadline)) {
        runTimeDeadline = null;
        LOG.info("Run time limit reached, {}", settings.quitRunTime() ? "quitting" : "stopping");
        if (settings.quitRunTime()) {
          quit();
        } else {
          stop();
        }
      }
      if (stopDeadline != null && !now.isBefore(stopDeadline) && state == RunState.STOPPING) {
        LOG.warn("Workers did not all stop in time; considering the test stopped");
        becomeStopped();
      }
    } catch (RuntimeException e) {
      LOG.error("Error in a master timer; continuing", e);
    }
    dirty = true;
    afterChange(now);
  }

  /** The earliest instant at which {@link #runDue} has work (never null). */
  public Instant nextDeadline() {
    Instant now = clock.instant();
    Instant next = nextLivenessCheckAt;
    next = earlier(next, driver.nextDeadline(now));
    next = earlier(next, runTimeDeadline);
    next = earlier(next, state == RunState.STOPPING ? stopDeadline : null);
    next = earlier(next, quitDeadline);
    if (dirty && nextPublishAt != null) {
      next = earlier(next, nextPublishAt);
    }
    Instant statsDue = snapshots.statsDueAt(statsVersion);
    if (statsDue != null) {
      // A publish with stale statistics re-copies them only from this instant (and not before the
      // next publish is allowed: runDue publishes only then).
      next =
          earlier(
              next,
              nextPublishAt != null && nextPublishAt.isAfter(statsDue) ? nextPublishAt : statsDue);
    }
    return next;
  }

  /**
   * Starts or edits a swarm. The request must be valid ({@link SwarmRequests#validate}); a start
   * without any worker is logged and ignored, as Locust does.
   */
  public void start(SwarmRequest request) {
    if (quitting) {
      return;
    }
    Instant now = clock.instant();
    request.host().ifPresent(h -> host = Optional.of(h));
    boolean fresh = state == RunState.READY || state == RunState.STOPPED;
    if (fresh) {
      stats.clearAll();
      statsVersion++;
      freshStatsWanted = true;
      exceptions.clear();
    }
    List<UserClassSpec> classes = selectedClasses(request.userClasses());
    if (!driver.start(request.userCount(), request.spawnRatePerSecond(), host, classes, now)) {
      LOG.warn("You can't start a distributed test before at least one worker has connected");
      return;
    }
    if (fresh) {
      listeners.forEach(MasterListener::testStarted);
    }
    request.runTime().ifPresent(t -> runTimeDeadline = now.plus(t));
    state = RunState.SPAWNING;
    dirty = true;
    afterChange(now);
  }

  /** Stops every worker's users; Locust's {@code MasterRunner.stop}. No-op when nothing runs. */
  public void stop() {
    if (state == RunState.READY || state == RunState.STOPPED || state == RunState.STOPPING) {
      return;
    }
    Instant now = clock.instant();
    driver.stop();
    runTimeDeadline = null;
    state = RunState.STOPPING;
    stopDeadline = now.plus(settings.stopTimeout().orElse(Duration.ZERO)).plus(STOP_GRACE);
    for (WorkerNode node : List.copyOf(registry.all())) {
      out.stop(node);
    }
    listeners.forEach(MasterListener::testStopped);
    dirty = true;
    afterChange(now);
  }

  /** Zeroes statistics and exceptions; Locust's {@code /stats/reset}. */
  public void resetStats() {
    stats.resetAll();
    statsVersion++;
    freshStatsWanted = true;
    exceptions.clear();
    dirty = true;
  }

  /**
   * Sends {@code quit} to every worker, then waits (by timers) for their final reports and {@code
   * quit} until the stop timeout plus {@link #QUIT_GRACE}; then the runner is terminated.
   */
  public void quit() {
    if (quitting) {
      return;
    }
    quitting = true;
    Instant now = clock.instant();
    boolean running = state == RunState.SPAWNING || state == RunState.RUNNING;
    driver.stop();
    runTimeDeadline = null;
    for (WorkerNode node : List.copyOf(registry.all())) {
      out.quit(node);
    }
    if (running) {
      state = RunState.STOPPING;
      listeners.forEach(MasterListener::testStopped);
    }
    quitDeadline = now.plus(settings.stopTimeout().orElse(Duration.ZERO)).plus(QUIT_GRACE);
    dirty = true;
    afterChange(now);
  }

  /** Sends a custom message to one registered worker, or to all when {@code nodeId} is null. */
  public void sendMessage(String type, Object data, String nodeId) {
    if (nodeId == null) {
      registry.all().forEach(node -> out.custom(node, type, data));
    } else {
      registry
          .find(nodeId)
          .ifPresentOrElse(
              node -> out.custom(node, type, data),
              () -> LOG.warn("Custom message {} for unknown worker {} dropped", type, nodeId));
    }
  }

  public RunState state() {
    return state;
  }

  public boolean isQuitting() {
    return quitting;
  }

  /** True once a quit finished: the final snapshot is published and the loop may end. */
  public boolean isTerminated() {
    return terminated;
  }

  /** The latest published snapshot (safe to read from any thread). */
  public MasterSnapshot latestSnapshot() {
    return latest;
  }

  /** Publishes a snapshot now, whatever the interval, and returns it. */
  public MasterSnapshot publishNow() {
    publish(clock.instant(), true);
    return latest;
  }

  // ---- called by WorkerMessages ----

  List<UserClassSpec> userClasses() {
    return userClasses;
  }

  void becomeRunning() {
    if (state == RunState.SPAWNING) {
      state = RunState.RUNNING;
      Map<String, Long> reported = new HashMap<>();
      for (WorkerNode node : registry.active()) {
        node.userClassesCount().forEach((name, count) -> reported.merge(name, count, Long::sum));
      }
      // Locust logs what the workers reported, with a prefix saying whether all of them did.
      LOG.info(
          "{}: {}",
          driver.targetsReachedAtCompletion()
              ? SpawnedUsersLog.ALL_SPAWNED
              : SpawnedUsersLog.REPORTS_MISSING,
          SpawnedUsersLog.format(reported));
      // Locust fires spawning_complete with the dispatched target, even when reports are missing.
      long target = driver.targetUserCount();
      listeners.forEach(l -> l.spawningComplete(target));
    }
  }

  /**
   * Locust's {@code check_stopped}: run after every worker message and every liveness check. O(1):
   * it reads the registry's per-state counts.
   */
  void checkStopped() {
    if (state == RunState.READY || state == RunState.STOPPED || quitting) {
      return;
    }
    long ready = registry.countIn(WorkerState.READY);
    boolean allReady = ready + registry.countIn(WorkerState.MISSING) == registry.size();
    boolean noneActive =
        ready
                + registry.countIn(WorkerState.SPAWNING)
                + registry.countIn(WorkerState.HATCHING)
                + registry.countIn(WorkerState.RUNNING)
            == 0;
    if ((state == RunState.STOPPING && allReady) || noneActive) {
      if (state != RunState.STOPPING) {
        driver.stop();
        listeners.forEach(MasterListener::testStopped);
      }
      becomeStopped();
    }
  }

  private void becomeStopped() {
    state = RunState.STOPPED;
    stopDeadline = null;
    runTimeDeadline = null;
    driver.stop();
  }

  private void afterChange(Instant now) {
    boolean completed = driver.runDue(now);
    if (state == RunState.RUNNING && driver.isSpawning()) {
      state = RunState.SPAWNING; // a rebalance is a new dispatch cycle, as Locust calls start()
    }
    if (completed) {
      becomeRunning();
    }
    if (quitting && !terminated) {
      // Missing workers too: one starved for a few seconds may still send its final report.
      boolean allGone = registry.all().stream().allMatch(WorkerNode::quitReceived);
      if (allGone || !now.isBefore(quitDeadline)) {
        if (!allGone) {
          LOG.warn("Not every worker confirmed quit in time; shutting down anyway");
        }
        terminated = true;
        state = RunState.STOPPED;
        MasterSnapshot finalSnapshot = publishNow();
        listeners.forEach(l -> l.quit(finalSnapshot));
        return;
      }
    }
    boolean stateChanged = stateChangedSincePublish();
    if (dirty && (nextPublishAt == null || !now.isBefore(nextPublishAt) || stateChanged)) {
      publish(now, stateChanged);
    }
  }

  private boolean stateChangedSincePublish() {
    return latest == null || latest.state() != state;
  }

  /** Publishes a snapshot; {@code freshStats}: with the statistics as they are now. */
  private void publish(Instant now, boolean freshStats) {
    List<String> degraded = new ArrayList<>();
    if (droppedMessages > 0) {
      degraded.add(droppedMessages + " malformed worker messages dropped (see the log)");
    }
    if (exceptions.dropped() > 0) {
      degraded.add(exceptions.dropped() + " exception reports dropped (too many distinct)");
    }
    latest =
        snapshots.build(
            now,
            state,
            driver.targetUserCount(),
            host,
            registry,
            stats,
            statsVersion,
            freshStats || freshStatsWanted,
            exceptions,
            degraded);
    nextPublishAt = now.plus(settings.snapshotInterval());
    dirty = false;
    freshStatsWanted = false;
    for (MasterListener listener : listeners) {
      try {
        listener.snapshotPublished(latest);
      } catch (RuntimeException e) {
        LOG.error("Snapshot listener failed", e);
      }
    }
  }

  private List<UserClassSpec> selectedClasses(List<String> names) {
    if (names.isEmpty()) {
      return userClasses;
    }
    return userClasses.stream().filter(c -> names.contains(c.name())).toList();
  }

  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
