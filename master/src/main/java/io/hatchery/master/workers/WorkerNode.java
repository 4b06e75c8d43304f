package io.hatchery.master.workers;

import io.hatchery.protocol.payload.WorkerState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registered worker as the master tracks it: state, liveness counter, resource usage and the
 * user counts it last reported. Mirrors {@code WorkerNode} in locust/runners.py (2.12.1).
 *
 * <p>While registered, every change to what a {@code WorkerView} shows (state, users, heartbeat
 * figures, dialect) is reported to the owning {@link WorkerRegistry}, which keeps per-state counts
 * and a log of changed nodes for incremental snapshots; a node that left the registry changes
 * alone.
 *
 * <p>Not thread-safe: owned by the master's control thread. Units: CPU in percent, memory in bytes.
 */
public final class WorkerNode {
  private final String id;
  private final int index;
  private final boolean answersHeartbeats;
  private Dialect dialect;
  private WorkerState state = WorkerState.READY;
  private int heartbeatLiveness;
  private double cpuUsagePercent;
  private long memoryUsageBytes;
  private Instant lastHeartbeatAt;
  private Map<String, Long> userClassesCount = Map.of();
  private long userCount;
  private boolean quitReceived;

  /** The registry this node is registered in, or null once it left. */
  private WorkerRegistry registry;

  /** Whether this node is in its registry's change log. */
  boolean inChangeLog;

  /** See {@link #viewSlot()}. */
  private Object viewSlot;

  WorkerNode(
      String id,
      int index,
      Dialect dialect,
      boolean answersHeartbeats,
      int heartbeatLiveness,
      Instant now) {
    this.id = id;
    this.index = index;
    this.dialect = dialect;
    this.answersHeartbeats = answersHeartbeats;
    this.heartbeatLiveness = heartbeatLiveness;
    this.lastHeartbeatAt = now;
  }

  public String id() {
    return id;
  }

  /** The index sent in {@code ack}: stable per node id for the master's lifetime. */
  public int index() {
    return index;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Records what the worker's first reply showed about its start message. */
  public void learnDialect(Dialect learned) {
    this.dialect = learned;
    changed();
  }

  /** Whether heartbeats are answered ({@code client_ready} was -1: Locust 2.19+ semantics). */
  public boolean answersHeartbeats() {
    return answersHeartbeats;
  }

  public WorkerState state() {
    return state;
  }

  public void state(WorkerState newState) {
    if (newState == state) {
      return;
    }
    if (registry != null) {
      registry.stateChanged(state, newState);
    }
    this.state = newState;
    changed();
  }

  public boolean isMissing() {
    return state == WorkerState.MISSING;
  }

  /** Heartbeat counter: reset on every heartbeat, decremented by every liveness check. */
  public int heartbeatLiveness() {
    return heartbeatLiveness;
  }

  void heartbeatLiveness(int value) {
    this.heartbeatLiveness = value;
  }

  public double cpuUsagePercent() {
    return cpuUsagePercent;
  }

  public long memoryUsageBytes() {
    return memoryUsageBytes;
  }

  public Instant lastHeartbeatAt() {
    return lastHeartbeatAt;
  }

  /** Records a heartbeat's figures; a null CPU or memory keeps the previous value. */
  public void heartbeat(Instant at, Double cpuPercent, Long memoryBytes) {
    this.lastHeartbeatAt = at;
    if (cpuPercent != null) {
      this.cpuUsagePercent = cpuPercent;
    }
    if (memoryBytes != null) {
      this.memoryUsageBytes = memoryBytes;
    }
    changed();
  }

  /** Users per class as last reported (empty for dialects without classes); unmodifiable. */
  public Map<String, Long> userClassesCount() {
    return userClassesCount;
  }

  /** Users in total as last reported. */
  public long userCount() {
    return userCount;
  }

  /**
   * Replaces the reported users per class, and the total with their sum. Reporting the counts it
   * already has (the usual case: every 3 s report repeats them) changes nothing, not even the map's
   * identity.
   */
  public void reportUsers(Map<String, Long> perClass) {
    long sum = 0;
    for (Long n : perClass.values()) {
      sum += n;
    }
    if (sum == userCount && perClass.equals(userClassesCount)) {
      return;
    }
    this.userClassesCount = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
    this.userCount = sum;
    changed();
  }

  /** Replaces the reported total only (legacy dialects report no classes). */
  public void reportUserCount(long total) {
    if (total != userCount) {
      this.userCount = total;
      changed();
    }
  }

  /** Forgets reported users (a missing worker's users count for nothing). */
  public void clearUsers() {
    if (userCount != 0 || !userClassesCount.isEmpty()) {
      this.userClassesCount = Map.of();
      this.userCount = 0;
      changed();
    }
  }

  /** Whether this worker already sent {@code quit} (it is leaving; used while the master quits). */
  public boolean quitReceived() {
    return quitReceived;
  }

  public void markQuitReceived() {
    this.quitReceived = true;
  }

  /**
   * What the registry's snapshot builder keeps on this node between snapshots (its current view and
   * what that view added to the totals), or null before the builder saw the node. Owned by that
   * builder, one per registry; the node never reads it. Kept here so that refreshing the view of a
   * node that changed needs no lookup by identity.
   */
  public Object viewSlot() {
    return viewSlot;
  }

  /** Replaces {@link #viewSlot()}; for the registry's snapshot builder only. */
  public void viewSlot(Object slot) {
    viewSlot = slot;
  }

  /** Whether this node is registered in {@code owner} (it was not removed or replaced). */
  boolean isRegisteredIn(WorkerRegistry owner) {
    return registry == owner;
  }

  /** Called by the registry when the node joins or leaves it ({@code null}). */
  void registry(WorkerRegistry owner) {
    this.registry = owner;
  }

  private void changed() {
    if (registry != null && !inChangeLog) {
      registry.changed(this);
    }
  }
}
