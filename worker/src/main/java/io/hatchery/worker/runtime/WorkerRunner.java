package io.hatchery.worker.runtime;

import io.hatchery.CustomMessageListener;
import io.hatchery.Runner;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.ExceptionPayload;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.RpcClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of Locust 2.x's protocol: a state &times; message table driving a {@link
 * ScenarioBridge}. Mirrors {@code WorkerRunner} in locust/runners.py (2.12.1, with 2.19's master
 * heartbeat), with one method per message type and no sleeps: every timer is a deadline read from
 * the injected clock, checked by {@link #onTimers()}.
 *
 * <p>States: {@code ready} until the first {@code spawn}, {@code running} after it ({@code
 * spawning} only inside the spawn handler, because users start at once), {@code stopping} while
 * users finish after {@code stop}, {@code quit} or a silent master. Heartbeats carry the state
 * except while stopping, when they keep the state from before, as a Locust 2.12.1 worker does (its
 * {@code worker_state} only returns to {@code ready} once it re-sends {@code client_ready}; a
 * Python master counts only ready, spawning and running workers). While stopping, master heartbeats
 * and acks are handled and every other message waits until the users have ended (Locust handles
 * {@code stop} synchronously in its receive loop, so it queues them too).
 *
 * <p>Thread-safety: every method except the {@link Runner} ones belongs to one control thread (see
 * {@link WorkerRuntime} and docs/CONCURRENCY.md). {@link Runner} methods may be called from any
 * thread: {@link #quit()} hands a command to the control thread, {@link #sendMessage} goes straight
 * to the thread-safe {@link RpcClient}, listeners live in a concurrent map, and the counts are read
 * from the pool, which allows any thread. Stopping users runs on {@code stopExecutor} and reports
 * back through the command queue; the control thread does not call the pool meanwhile.
 */
public final class WorkerRunner implements Runner {
  private static final Logger log = LoggerFactory.getLogger(WorkerRunner.class);
  private static final int MAX_DEFERRED = 1_000;

  private final RpcClient rpc;
  private final ScenarioBridge bridge;
  private final WorkerSettings settings;
  private final InstantSource clock;
  private final MasterOutbox outbox;
  private final Executor stopExecutor;
  private final String nodeId;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final Map<String, CustomMessageListener> listeners = new ConcurrentHashMap<>();
  private final ExceptionReports exceptions;
  private final Registration registration;
  private final MasterLiveness liveness;
  private final IgnoredMessages ignored = new IgnoredMessages();
  private final UserClasses userClasses = new UserClasses();
  private final Queue<Message> deferred = new ArrayDeque<>();
  private final Cadence heartbeats;
  private final Cadence reports;

  private WorkerState state = WorkerState.READY;
  private WorkerState stateBeforeStop = WorkerState.READY;
  private StopOutcome afterStop;
  private boolean testRunning;
  private double lastSpawnTimestamp = Double.NEGATIVE_INFINITY;
  private Duration stopTimeout;
  private Instant masterLostAt;
  private volatile int workerIndex = -1;
  private volatile Integer exitCode;

  /** What happens once {@link UserPool#stopAll} has returned. */
  private enum StopOutcome {
    /** Master {@code stop}: client_stopped, then client_ready again. */
    REREGISTER,
    /** The master went silent: users stopped, client_ready keeps being sent. */
    MASTER_LOST,
    /** Master {@code quit} or {@link Runner#quit()}: final stats, quit, exit 0. */
    QUIT,
    /** No master (never acked, or silent too long): exit {@link WorkerRuntime#EXIT_NO_MASTER}. */
    GIVE_UP
  }

  /**
   * @param rpc the link to the master; its node id is this worker's
   * @param stopExecutor runs {@link UserPool#stopAll}, which blocks up to the stop timeout
   */
  public WorkerRunner(
      RpcClient rpc,
      ScenarioBridge bridge,
      WorkerSettings settings,
      InstantSource clock,
      ResourceUsage resources,
      Executor stopExecutor) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stopExecutor = Objects.requireNonNull(stopExecutor, "stopExecutor");
    this.nodeId = rpc.nodeId();
    this.exceptions = new ExceptionReports(settings.maxExceptionsPerInterval());
    this.registration = new Registration(settings.connectTimeout());
    this.liveness = new MasterLiveness(settings.masterHeartbeatTimeout());
    this.stopTimeout = settings.stopTimeout();
    this.outbox =
        new MasterOutbox(rpc, bridge, Objects.requireNonNull(resources, "resources"), userClasses);
    this.heartbeats = new Cadence(settings.heartbeatInterval());
    this.reports = new Cadence(settings.reportInterval());
  }

  /** Binds the bridge and sends the first {@code client_ready}. Control thread, once. */
  public void start() {
    bridge.bind(this, exceptions);
    registration.begin(clock.instant(), settings.connectRetries());
    onTimers();
  }

  /** Handles one message from the master. Control thread; never throws. */
  public void onMessage(Message message) {
    if (exitCode != null) {
      return;
    }
    try {
      dispatch(message);
    } catch (ProtocolException e) {
      ignored.malformed(clock.instant(), e);
    } catch (RuntimeException e) {
      log.error("Handling '{}' from the master failed; the worker carries on", message.type(), e);
    }
  }

  private void dispatch(Message message) throws ProtocolException {
    String type = message.type();
    if (state == WorkerState.STOPPING
        && !type.equals(MessageType.HEARTBEAT)
        && !type.equals(MessageType.ACK)
        && !type.equals(MessageType.QUIT)) {
      defer(message);
      return;
    }
    switch (type) {
      case MessageType.ACK -> onAck(AckPayload.from(message.data()));
      case MessageType.SPAWN -> onSpawn(message);
      case MessageType.STOP -> onStop();
      case MessageType.QUIT -> onQuit();
      case MessageType.RECONNECT -> onReconnect();
      case MessageType.HEARTBEAT -> onMasterHeartbeat();
      default -> {
        if (MessageType.isKnown(type)) {
          ignored.unused(type);
        } else {
          onCustomMessage(message);
        }
      }
    }
  }

  /** Reports a frame from the master that did not decode; rate-limited log, never fatal. */
  public void onMalformed(ProtocolException error) {
    ignored.malformed(clock.instant(), error);
  }

  private void onAck(AckPayload ack) {
    if (ack.index() != null) {
      workerIndex = (int) Math.min(Integer.MAX_VALUE, Math.max(-1, ack.index()));
    }
    if (!registration.awaitingAck()) {
      return;
    }
    registration.acknowledged();
    masterLostAt = null;
    if (!heartbeats.started()) {
      Instant now = clock.instant();
      heartbeats.startAt(now);
      reports.startAt(now.plus(settings.reportInterval()));
      log.info("Connected to the master as {} (worker index {})", nodeId, workerIndex);
    }
    onTimers();
  }

  private void onSpawn(Message message) throws ProtocolException {
    // Locust answers every spawn with `spawning` first, even one it then discards.
    outbox.spawning();
    SpawnPayload spawn = SpawnPayload.from(message.data());
    if (spawn.timestampEpochSeconds() <= lastSpawnTimestamp) {
      log.debug("Ignoring a spawn with non-increasing timestamp {}", spawn.timestampEpochSeconds());
      return;
    }
    lastSpawnTimestamp = spawn.timestampEpochSeconds();
    if (spawn.host() != null) {
      bridge.setHost(spawn.host());
    }
    stopTimeout = SpawnSettings.stopTimeout(spawn, settings.stopTimeout());
    if (state != WorkerState.RUNNING && state != WorkerState.SPAWNING) {
      // Locust's worker clears its stats on the first spawn of a run, then fires test_start.
      bridge.stats().clear();
      fireSafely("test_start", bridge::fireTestStart);
      testRunning = true;
    }
    state = WorkerState.SPAWNING;
    userClasses.remember(spawn.userClassesCount().keySet());
    Set<String> unknown = bridge.users().applyTargets(SpawnSettings.targets(spawn), stopTimeout);
    if (!unknown.isEmpty()) {
      log.warn("The master asked for user classes this worker does not have: {}", unknown);
    }
    outbox.spawningComplete();
    state = WorkerState.RUNNING;
    int userCount = bridge.users().userCount();
    fireSafely("spawning_complete", () -> bridge.fireSpawningComplete(userCount));
  }

  private void onStop() {
    beginStop(StopOutcome.REREGISTER);
  }

  private void onQuit() {
    beginStop(StopOutcome.QUIT);
  }

  private void onReconnect() {
    log.warn("The master asked for a reconnect; re-registering");
    rpc.reconnect();
    registration.begin(clock.instant(), settings.connectRetries());
    onTimers();
  }

  private void onMasterHeartbeat() {
    liveness.onHeartbeat(clock.instant());
  }

  private void onCustomMessage(Message message) {
    CustomMessageListener listener = listeners.get(message.type());
    if (listener == null) {
      ignored.unlistened(message.type());
      return;
    }
    try {
      listener.onMessage(message.type(), message.data(), message.nodeId());
    } catch (RuntimeException e) {
      log.error("The listener for custom message '{}' failed", message.type(), e);
    }
  }

  private void beginStop(StopOutcome outcome) {
    if (state == WorkerState.STOPPING) {
      if (outcome.compareTo(afterStop) > 0) {
        afterStop = outcome;
      }
      return;
    }
    stateBeforeStop = state;
    state = WorkerState.STOPPING;
    afterStop = outcome;
    Duration timeout = stopTimeout;
    UserPool users = bridge.users();
    stopExecutor.execute(
        () -> {
          try {
            users.stopAll(timeout);
          } catch (RuntimeException e) {
            log.error("Stopping the users failed", e);
          } finally {
            commands.add(this::onUsersStopped);
          }
        });
  }

  private void onUsersStopped() {
    if (testRunning) {
      testRunning = false;
      fireSafely("test_stop", bridge::fireTestStop);
    }
    state = WorkerState.READY;
    switch (afterStop) {
      case REREGISTER -> {
        outbox.clientStopped();
        registration.begin(clock.instant(), settings.connectRetries());
      }
      case MASTER_LOST -> {}
      case QUIT -> {
        outbox.stats();
        fireSafely("quitting", bridge::fireQuitting);
        outbox.quit();
        exit(WorkerRuntime.EXIT_OK);
        return;
      }
      case GIVE_UP -> {
        fireSafely("quitting", bridge::fireQuitting);
        exit(WorkerRuntime.EXIT_NO_MASTER);
        return;
      }
    }
    onTimers();
    while (state != WorkerState.STOPPING && !deferred.isEmpty() && exitCode == null) {
      onMessage(deferred.poll());
    }
  }

  /** Runs commands handed over by other threads (quit, stop completion). Control thread. */
  public void runPending() {
    Runnable command;
    while (exitCode == null && (command = commands.poll()) != null) {
      try {
        command.run();
      } catch (RuntimeException e) {
        log.error("A worker command failed; the worker carries on", e);
      }
    }
  }

  /** Fires every timer that is due: registration, liveness, heartbeat, report, exceptions. */
  public void onTimers() {
    if (exitCode != null) {
      return;
    }
    try {
      fireDueTimers(clock.instant());
    } catch (RuntimeException e) {
      log.error("A worker timer failed; the worker carries on", e);
    }
  }

  private void fireDueTimers(Instant now) {
    if (liveness.silent(now)) {
      onMasterSilent(now);
    }
    if (masterLostAt != null && !now.isBefore(masterLostAt.plus(settings.masterLostExitAfter()))) {
      log.error("No master for {}; giving up", settings.masterLostExitAfter());
      masterLostAt = null;
      beginStop(StopOutcome.GIVE_UP);
    }
    if (registration.exhausted(now)) {
      log.error("The master did not answer {} client_ready messages", settings.connectRetries());
      registration.acknowledged();
      beginStop(StopOutcome.GIVE_UP);
    }
    if (registration.attemptDue(now)) {
      outbox.clientReady();
      registration.attempted(now);
    }
    if (heartbeats.fire(now)) {
      // Locust 2.12.1 keeps worker_state until client_ready is re-sent, so a stop shows no state.
      outbox.heartbeat(state == WorkerState.STOPPING ? stateBeforeStop : state);
    }
    if (reports.fire(now)) {
      outbox.stats();
      long dropped = exceptions.startInterval();
      if (dropped > 0) {
        log.warn("Dropped {} user error reports above the cap of this interval", dropped);
      }
    }
    for (ExceptionPayload exception : exceptions.take()) {
      outbox.exception(exception);
    }
  }

  private void onMasterSilent(Instant now) {
    log.warn(
        "No heartbeat from the master for {}; stopping users and re-registering",
        settings.masterHeartbeatTimeout());
    liveness.disarm();
    masterLostAt = now;
    registration.begin(now, Integer.MAX_VALUE);
    if (state != WorkerState.READY) {
      beginStop(StopOutcome.MASTER_LOST);
    }
  }

  /** The next instant a timer is due, or {@code null} when none is armed. Control thread. */
  public Instant nextDeadline() {
    Instant lostExit =
        masterLostAt == null ? null : masterLostAt.plus(settings.masterLostExitAfter());
    return Stream.of(
            registration.deadline(),
            liveness.deadline(),
            lostExit,
            heartbeats.deadline(),
            reports.deadline())
        .filter(Objects::nonNull)
        .min(Instant::compareTo)
        .orElse(null);
  }

  /** The exit status once the worker has finished, else {@code null}. Any thread. */
  public Integer exitCode() {
    return exitCode;
  }

  /** The heartbeat state right now. Control thread. */
  public WorkerState state() {
    return state;
  }

  private void exit(int code) {
    exitCode = code;
  }

  private void defer(Message message) {
    if (deferred.size() < MAX_DEFERRED) {
      deferred.add(message);
    } else {
      log.warn("Dropping '{}' from the master: too many messages while stopping", message.type());
    }
  }

  /** Runs a scenario event; like Locust's {@code EventHook.fire}, a failing listener is logged. */
  private static void fireSafely(String event, Runnable fire) {
    try {
      fire.run();
    } catch (RuntimeException e) {
      log.error("Uncaught exception in the {} event handler", event, e);
    }
  }

  @Override
  public Role role() {
    return Role.WORKER;
  }

  @Override
  public void quit() {
    commands.add(() -> beginStop(StopOutcome.QUIT));
  }

  @Override
  public void sendMessage(String type, Object data) {
    outbox.custom(type, data);
  }

  @Override
  public void registerMessage(String type, CustomMessageListener listener) {
    listeners.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener));
  }

  @Override
  public int userCount() {
    return bridge.users().userCount();
  }

  @Override
  public int workerIndex() {
    return workerIndex;
  }
}
