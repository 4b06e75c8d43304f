package io.hatchery.master.workers;

import io.hatchery.protocol.payload.WorkerState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registered worker as the master tracks it: state, liveness counter, resource usage and the
 * user counts it last reported. Mirrors {@code WorkerNode} in locust/runners.py (2.12.1).
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
  }

  /** Whether heartbeats are answered ({@code client_ready} was -1: Locust 2.19+ semantics). */
  public boolean answersHeartbeats() {
    return answersHeartbeats;
  }

  public WorkerState state() {
    return state;
  }

  public void state(WorkerState newState) {
    this.state = newState;
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
  }

  /** Users per class as last reported (empty for dialects without classes); unmodifiable. */
  public Map<String, Long> userClassesCount() {
    return userClassesCount;
  }

  /** Users in total as last reported. */
  public long userCount() {
    return userCount;
  }

  /** Replaces the reported users per class, and the total with their sum. */
  public void reportUsers(Map<String, Long> perClass) {
    this.userClassesCount = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
    this.userCount = perClass.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Replaces the reported total only (legacy dialects report no classes). */
  public void reportUserCount(long total) {
    this.userCount = total;
  }

  /** Forgets reported users (a missing worker's users count for nothing). */
  public void clearUsers() {
    this.userClassesCount = Map.of();
    this.userCount = 0;
  }

  /** Whether this worker already sent {@code quit} (it is leaving; used while the master quits). */
  public boolean quitReceived() {
    return quitReceived;
  }

  public void markQuitReceived() {
    this.quitReceived = true;
  }
}
