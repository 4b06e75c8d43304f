package io.hatchery.master.runner;

import io.hatchery.master.workers.Dialect;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.master.workers.WorkerRegistry;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.ExceptionPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.PeerSlot;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.stats.wire.MalformedStatsException;
import io.hatchery.stats.wire.StatsReportMaps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's message table: one method per worker message type, each deciding by the sender's
 * registration and the run state. Mirrors {@code MasterRunner.client_listener} in locust/runners.py
 * (2.12.1) with protocol.md §3.1/§8 and reliability.md §1.4/§1.7 applied: odd {@code client_ready}
 * data is logged and ignored, messages from unregistered ids are never merged (heartbeats and stats
 * are answered with {@code stop}), and malformed data is logged and dropped.
 *
 * <p>Not thread-safe: part of {@link MasterRunner}, on the control thread.
 */
final class WorkerMessages {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerMessages.class);

  /** The Locust version whose protocol this master speaks (its first four characters compare). */
  static final String LOCUST_VERSION = "2.12.1";

  /** How long after its stop timeout a stopped worker may take to send client_ready again. */
  static final Duration STOPPING_GRACE = Duration.ofSeconds(60);

  private final MasterRunner runner;

  WorkerMessages(MasterRunner runner) {
    this.runner = runner;
  }

  /**
   * Handles one event; {@code at} is the clock's instant when handling began.
   *
   * @param peer the sender's connection slot, where its registry node is kept; null if none
   */
  void handle(RpcEvent event, Instant at, PeerSlot peer) {
    switch (event) {
      case RpcEvent.Malformed malformed -> onMalformed(malformed);
      case RpcEvent.Received received ->
          onReceived(received.nodeId(), received.message(), at, peer);
    }
  }

  private void onReceived(String nodeId, Message message, Instant at, PeerSlot peer) {
    long now = at.toEpochMilli();
    if (nodeId.isEmpty()) {
      runner.peerLog.warn("no-id", now, "Dropped a " + message.type() + " without a node id");
      return;
    }
    if (message.nodeId() != null && !message.nodeId().equals(nodeId)) {
      runner.peerLog.warn(
          "id-mismatch:" + nodeId,
          now,
          "Worker " + nodeId + " sent node_id " + message.nodeId() + "; using the identity");
    }
    if (message.type().equals(MessageType.CLIENT_READY)) {
      onClientReady(nodeId, message.data());
      return;
    }
    WorkerNode node = registered(nodeId, peer);
    if (node == null && runner.registry.isStopping(nodeId, at)) {
      onFromStopping(nodeId, message);
      return;
    }
    if (node == null) {
      onFromUnknown(nodeId, message.type(), now);
      return;
    }
    try {
      switch (message.type()) {
        case MessageType.HEARTBEAT -> onHeartbeat(node, message.data(), at);
        case MessageType.STATS -> onStats(node, message.data());
        case MessageType.SPAWNING -> onSpawning(node, Dialect.G1B);
        case MessageType.HATCHING -> onSpawning(node, Dialect.G1);
        case MessageType.SPAWNING_COMPLETE, MessageType.HATCH_COMPLETE ->
            onSpawningComplete(node, message.data());
        case MessageType.CLIENT_STOPPED -> onClientStopped(node);
        case MessageType.QUIT -> onQuit(node);
        case MessageType.EXCEPTION -> onException(node, message.data());
        case MessageType.LOCUSTFILE, MessageType.LOGS -> onUnsupported(node, message.type());
        default -> onCustom(node, message);
      }
    } catch (ProtocolException | MalformedStatsException e) {
      runner.droppedMessages++;
      runner.peerLog.warn(
          "bad:" + message.type() + ":" + nodeId,
          now,
          "Dropped malformed " + message.type() + " from worker " + nodeId + ": " + e.getMessage());
    }
    runner.checkStopped(); // O(1): per-state counts
  }

  /**
   * The node registered as {@code nodeId}, or null. The one kept in the sender's connection slot is
   * used while it is still the registered one (a connection speaks for one node id, since the id is
   * its identity); otherwise it is looked up and kept there.
   */
  private WorkerNode registered(String nodeId, PeerSlot peer) {
    if (peer != null
        && peer.get() instanceof WorkerNode kept
        && runner.registry.holds(kept)
        && kept.id().equals(nodeId)) {
      return kept;
    }
    WorkerNode found = runner.registry.find(nodeId).orElse(null);
    if (peer != null) {
      peer.set(found);
    }
    return found;
  }

  private void onClientReady(String nodeId, Object data) {
    ClientReadyPayload ready = ClientReadyPayload.from(data);
    long now = runner.clock.millis();
    Dialect dialect;
    switch (ready.kind()) {
      case PRE_2_0 -> dialect = runner.settings.legacyG0() ? Dialect.G0 : Dialect.G1_UNKNOWN;
      case ODD -> {
        runner.peerLog.warn(
            "odd-ready:" + nodeId,
            now,
            "Ignored client_ready with unexpected data " + describe(data) + " from " + nodeId);
        return;
      }
      case VERSION -> {
        String version = ready.versionText().orElse("");
        if (version.startsWith(LOCUST_VERSION.substring(0, 4))) {
          LOG.debug("Worker {} runs Locust {}", nodeId, version);
        } else {
          LOG.warn(
              "Worker {} is running a different version ({}) than this master speaks ({})",
              nodeId,
              describe(version),
              LOCUST_VERSION);
        }
        dialect = Dialect.G2;
      }
      case EMPTY_VERSION, MINUS_ONE_STRING -> {
        runner.peerLog.warn(
            "version:" + nodeId,
            now,
            "Worker " + nodeId + " reported version " + describe(data) + "; assuming Locust 2.x");
        dialect = Dialect.G2;
      }
      case MINUS_ONE -> dialect = Dialect.G2;
      default -> throw new IllegalStateException("unhandled kind " + ready.kind());
    }
    boolean answersHeartbeats = ready.kind() == ClientReadyPayload.Kind.MINUS_ONE;
    Instant at = runner.clock.instant();
    Optional<WorkerNode> previous = runner.registry.find(nodeId);
    Optional<WorkerNode> registered =
        runner.registry.register(nodeId, dialect, answersHeartbeats, at);
    if (registered.isEmpty()) {
      runner.peerLog.warn(
          "full", now, "Refused worker " + nodeId + ": the master already knows too many ids");
      return;
    }
    WorkerNode node = registered.get();
    runner.unknownPeers.forget(nodeId);
    if (dialect == Dialect.G2) {
      runner.out.ack(node);
    }
    LOG.info(
        "Worker {} (index {}, {}) reported as ready. {} workers connected.",
        nodeId,
        node.index(),
        dialect.label(),
        runner.registry.activeCount());
    if (previous.isPresent()) {
      runner.driver.workerLeft(nodeId, false, at);
    }
    runner.driver.workerJoined(node, at);
  }

  /**
   * A worker between {@code client_stopped} and its next {@code client_ready}: its last stats are
   * merged (as Locust merges them), the rest is ignored; it is not told to stop again.
   */
  private void onFromStopping(String nodeId, Message message) {
    if (!message.type().equals(MessageType.STATS)) {
      return;
    }
    try {
      mergeStats(message.data());
    } catch (ProtocolException | MalformedStatsException e) {
      runner.droppedMessages++;
      runner.peerLog.warn(
          "bad:stats:" + nodeId,
          runner.clock.millis(),
          "Dropped malformed stats from worker " + nodeId + ": " + e.getMessage());
    }
  }

  private void onFromUnknown(String nodeId, String type, long now) {
    boolean answer = type.equals(MessageType.HEARTBEAT) || type.equals(MessageType.STATS);
    if (answer && !runner.settings.legacyG0() && runner.unknownPeers.shouldAnswer(nodeId, now)) {
      // A stock worker answers stop with client_stopped and client_ready: it re-registers.
      runner.out.stopUnknown(nodeId);
    }
    runner.peerLog.warn(
        "unknown:" + type,
        now,
        "Got "
            + type
            + " from unregistered worker "
            + nodeId
            + (answer ? "; told it to stop" : ""));
  }

  private void onHeartbeat(WorkerNode node, Object data, Instant now) throws ProtocolException {
    // Read typed on the TCP ROUTER's I/O thread; a generic map from the other transports.
    HeartbeatPayload beat =
        data instanceof HeartbeatPayload typed ? typed : HeartbeatPayload.from(data);
    runner.registry.heartbeatReceived(node);
    node.heartbeat(now, beat.currentCpuUsagePercent(), beat.currentMemoryUsageBytes());
    boolean wasMissing = node.isMissing();
    node.state(beat.state());
    if (node.dialect() == Dialect.G1_UNKNOWN) {
      learnFromState(node, beat.state());
    }
    if (beat.userCount() != null && node.dialect().isLegacy()) {
      node.reportUserCount(beat.userCount());
    }
    if (node.answersHeartbeats()) {
      runner.out.heartbeat(node);
    }
    if (wasMissing) {
      LOG.info("Worker {} self-healed with heartbeat, state {}", node.id(), beat.state().wire());
      runner.driver.workerJoined(node, now);
    }
  }

  /**
   * A report, read on the I/O thread by {@link StatsDataReader} (TCP transports) or decoded
   * generically (inproc, PUSH/PULL, and reports in an unusual shape).
   */
  @SuppressWarnings("unchecked")
  private void onStats(WorkerNode node, Object data)
      throws ProtocolException, MalformedStatsException {
    ReportedUsers users = mergeStats(data);
    if (users.perClass() != null) {
      node.reportUsers(users.perClass());
    } else {
      node.reportUserCount(users.total());
    }
    Map<String, Object> wireData =
        data instanceof DecodedStats decoded ? decoded.wireData() : (Map<String, Object>) data;
    runner.listeners.forEach(l -> l.workerReport(node.id(), wireData));
  }

  /**
   * Merges a report's statistics into the master's, in either form {@link #onStats} takes, and
   * returns the users it reports; merges nothing if the report is malformed.
   */
  private ReportedUsers mergeStats(Object data) throws ProtocolException, MalformedStatsException {
    ReportedUsers users;
    if (data instanceof DecodedStats decoded) {
      users = ReportedUsers.from(decoded.otherKeys());
      runner.stats.merge(decoded.report());
    } else if (data instanceof Map<?, ?> map) {
      users = ReportedUsers.from(map);
      runner.stats.merge(StatsReportMaps.fromMap(map, runner.stats.nowEpochSeconds()));
    } else {
      throw new ProtocolException("stats data must be a map");
    }
    runner.statsVersion++;
    return users;
  }

  private void onSpawning(WorkerNode node, Dialect learned) {
    if (node.dialect() == Dialect.G1_UNKNOWN) {
      node.learnDialect(learned);
      LOG.info("Worker {} speaks {}", node.id(), learned.label());
    }
    node.state(learned == Dialect.G1 ? WorkerState.HATCHING : WorkerState.SPAWNING);
  }

  private void onSpawningComplete(WorkerNode node, Object data) throws ProtocolException {
    SpawningCompletePayload done = SpawningCompletePayload.from(data);
    node.state(WorkerState.RUNNING);
    if (done.userClassesCount() != null) {
      node.reportUsers(done.userClassesCount());
    } else {
      node.reportUserCount(done.userCount());
    }
  }

  private void onClientStopped(WorkerNode node) {
    // Locust deletes the node; the worker re-registers with client_ready after its stop timeout.
    Instant now = runner.clock.instant();
    Duration wait = runner.settings.stopTimeout().orElse(Duration.ZERO).plus(STOPPING_GRACE);
    runner.registry.removeStopped(node.id(), now.plus(wait));
    runner.driver.workerLeft(node.id(), true, now);
    LOG.info("Worker {} stopped its users", node.id());
  }

  private void onQuit(WorkerNode node) {
    node.markQuitReceived();
    runner.registry.remove(node.id());
    LOG.info("Worker {} quit. {} workers left.", node.id(), runner.registry.activeCount());
    if (runner.isQuitting()) {
      return;
    }
    runner.driver.workerLeft(node.id(), true, runner.clock.instant());
    if (runner.driver.isActive() && !runner.driver.hasWorkers()) {
      LOG.info("The last worker quit, stopping test.");
      runner.stop();
    }
  }

  private void onException(WorkerNode node, Object data) throws ProtocolException {
    ExceptionPayload exception = ExceptionPayload.from(data);
    runner.exceptions.add(node.id(), exception.msg(), exception.traceback());
  }

  private void onUnsupported(WorkerNode node, String type) {
    runner.peerLog.warn(
        "unsupported:" + type,
        runner.clock.millis(),
        "Ignored " + type + " from worker " + node.id() + " (not supported by this master)");
  }

  private void onCustom(WorkerNode node, Message message) {
    MasterMessageListener listener = runner.messageListeners.get(message.type());
    if (listener == null) {
      runner.peerLog.warn(
          "custom:" + message.type(),
          runner.clock.millis(),
          "Unknown message type received from worker " + node.id() + ": " + message.type());
      return;
    }
    listener.onMessage(node.id(), message.data());
  }

  private void onMalformed(RpcEvent.Malformed malformed) {
    long now = runner.clock.millis();
    Optional<WorkerNode> node = malformed.nodeId().flatMap(runner.registry::find);
    runner.peerLog.warn(
        "malformed:" + malformed.identityForLog(),
        now,
        "Undecodable frame from "
            + malformed.identityForLog()
            + ": "
            + malformed.error().getMessage());
    if (node.isPresent() && runner.reconnectLimiter.shouldAnswer(node.get().id(), now)) {
      runner.out.reconnect(node.get()); // Locust 2.13.2+: only to a known sender
    }
  }

  /** One liveness check: marks silent workers missing, removes long-missing ones. */
  void checkLiveness(Instant now) {
    WorkerRegistry.LivenessChanges changes = runner.registry.check();
    for (WorkerNode node : changes.becameMissing()) {
      LOG.info("Worker {} failed to send heartbeat, setting state to missing.", node.id());
      runner.driver.workerLeft(node.id(), runner.settings.rebalance(), now);
    }
    for (WorkerNode node : changes.removed()) {
      LOG.info("Worker {} has been missing too long, removing it", node.id());
      runner.driver.workerLeft(node.id(), true, now);
    }
    if (!changes.isEmpty() && runner.driver.isActive() && !runner.driver.hasWorkers()) {
      LOG.info("The last worker went missing, stopping test.");
      runner.stop();
    }
    runner.checkStopped();
  }

  private static void learnFromState(WorkerNode node, WorkerState state) {
    if (state == WorkerState.HATCHING) {
      node.learnDialect(Dialect.G1);
    } else if (state == WorkerState.SPAWNING) {
      node.learnDialect(Dialect.G1B);
    }
  }

  private static String describe(Object data) {
    String text = data instanceof String s ? "'" + s + "'" : String.valueOf(data);
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
