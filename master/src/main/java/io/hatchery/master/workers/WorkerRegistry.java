package io.hatchery.master.workers;

import io.hatchery.protocol.payload.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered workers, in registration order, with Locust's liveness rules: every heartbeat
 * resets a worker's counter to {@link #HEARTBEAT_LIVENESS}; every check (once per heartbeat
 * interval) marks a worker whose counter fell below zero {@code missing}, else decrements it; a
 * missing worker whose counter reached {@link #HEARTBEAT_DEAD_INTERNAL} is removed. So a worker is
 * missing on the 5th check after its last heartbeat (4&ndash;5 s) and removed about 60 s later.
 *
 * <p>Mirrors {@code MasterRunner.clients} and {@code heartbeat_worker} in locust/runners.py
 * (2.12.1). Indexes (sent in {@code ack}) are stable per node id for the registry's lifetime; at
 * most {@code maxWorkers} distinct ids ever get one, so hostile registrations cannot grow memory
 * without bound.
 *
 * <p>Bookkeeping for O(1) questions per message: the number of nodes in each state ({@link
 * #countIn}, {@link #activeCount}) is kept up to date as nodes change state, and a change log
 * records which nodes changed since the last {@link #drainChanges} (snapshots rebuild only those).
 * Not thread-safe: owned by the master's control thread.
 */
public final class WorkerRegistry {
  /** Locust's {@code HEARTBEAT_LIVENESS}. */
  public static final int HEARTBEAT_LIVENESS = 3;

  /** Locust's {@code HEARTBEAT_DEAD_INTERNAL} (sic): counter value at which a missing node goes. */
  public static final int HEARTBEAT_DEAD_INTERNAL = -60;

  /** What one liveness check changed. */
  public record LivenessChanges(List<WorkerNode> becameMissing, List<WorkerNode> removed) {
    public LivenessChanges {
      becameMissing = List.copyOf(becameMissing);
      removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
      return becameMissing.isEmpty() && removed.isEmpty();
    }
  }

  private final Map<String, WorkerNode> nodes = new LinkedHashMap<>();
  private final Map<String, Integer> indexes = new HashMap<>();
  private final Map<String, Instant> stoppedUntil = new HashMap<>();
  private final int maxWorkers;
  private final int[] stateCounts = new int[WorkerState.values().length];
  private final List<WorkerNode> changeLog = new ArrayList<>();
  private boolean orderChanged;

  /**
   * @param maxWorkers the most distinct node ids that will ever be registered
   */
  public WorkerRegistry(int maxWorkers) {
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("maxWorkers must be >= 1: " + maxWorkers);
    }
    this.maxWorkers = maxWorkers;
  }

  /**
   * Registers (or re-registers) {@code id} in state {@code ready} with a fresh liveness counter, as
   * Locust recreates the node on every accepted {@code client_ready}.
   *
   * @return the node, or empty when {@code id} is new and the registry already gave out {@code
   *     maxWorkers} indexes
   */
  public Optional<WorkerNode> register(
      String id, Dialect dialect, boolean answersHeartbeats, Instant now) {
    Integer index = indexes.get(id);
    if (index == null) {
      if (indexes.size() >= maxWorkers) {
        return Optional.empty();
      }
      index = indexes.size();
      indexes.put(id, index);
    }
    stoppedUntil.remove(id);
    WorkerNode node =
        new WorkerNode(id, index, dialect, answersHeartbeats, HEARTBEAT_LIVENESS, now);
    // re-registration moves the node to the end, as a new dict entry would
    remove(id);
    nodes.put(id, node);
    attach(node);
    return Optional.of(node);
  }

  /**
   * Removes a worker that reported {@code client_stopped} and remembers it until {@code until}: a
   * Python worker keeps sending heartbeats and stats while it sleeps its stop timeout before
   * re-sending {@code client_ready}, and those must not be taken for an orphan's.
   */
  public Optional<WorkerNode> removeStopped(String id, Instant until) {
    Optional<WorkerNode> node = remove(id);
    if (node.isPresent()) {
      stoppedUntil.put(id, until); // bounded: only ids that got an index land here
    }
    return node;
  }

  /** Whether {@code id} stopped recently and has not re-registered yet. */
  public boolean isStopping(String id, Instant now) {
    Instant until = stoppedUntil.get(id);
    if (until == null) {
      return false;
    }
    if (now.isAfter(until)) {
      stoppedUntil.remove(id);
      return false;
    }
    return true;
  }

  /** Whether {@code node} is registered here now (not removed, nor replaced by a re-register). */
  public boolean holds(WorkerNode node) {
    return node.isRegisteredIn(this);
  }

  public Optional<WorkerNode> find(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public Optional<WorkerNode> remove(String id) {
    WorkerNode node = nodes.remove(id);
    if (node == null) {
      return Optional.empty();
    }
    detach(node);
    return Optional.of(node);
  }

  /** Every registered node, in registration order (unmodifiable live view). */
  public Collection<WorkerNode> all() {
    return Collections.unmodifiableCollection(nodes.values());
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  /** Nodes that are not missing, in registration order. O(workers). */
  public List<WorkerNode> active() {
    return nodes.values().stream().filter(n -> !n.isMissing()).toList();
  }

  /** How many nodes are not missing. O(1). */
  public int activeCount() {
    return nodes.size() - stateCounts[WorkerState.MISSING.ordinal()];
  }

  /** How many registered nodes. */
  public int size() {
    return nodes.size();
  }

  /** Nodes in state {@code state}. O(1). */
  public long countIn(WorkerState state) {
    return stateCounts[state.ordinal()];
  }

  /**
   * Hands over the change log: appends to {@code changed} every registered node whose view-visible
   * fields (state, users, heartbeat figures, dialect) changed, or that registered, since the
   * previous call, each once, in the order of their first change; then clears the log.
   *
   * @return whether nodes left the registry or moved in its order since the previous call (a
   *     registration that only appends a new node does not count)
   */
  public boolean drainChanges(List<WorkerNode> changed) {
    for (WorkerNode node : changeLog) {
      node.inChangeLog = false;
      if (node.isRegisteredIn(this)) {
        changed.add(node);
      }
    }
    changeLog.clear();
    boolean result = orderChanged;
    orderChanged = false;
    return result;
  }

  /** Resets the liveness counter of {@code node} (a heartbeat arrived). */
  public void heartbeatReceived(WorkerNode node) {
    node.heartbeatLiveness(HEARTBEAT_LIVENESS);
  }

  /**
   * One liveness check (Locust's {@code heartbeat_worker} loop body): marks silent nodes missing
   * (clearing their users) and removes nodes missing for long enough. G0 nodes, which never send
   * heartbeats, are skipped.
   */
  public LivenessChanges check() {
    List<WorkerNode> missing = List.of();
    List<WorkerNode> removed = List.of();
    for (Iterator<WorkerNode> it = nodes.values().iterator(); it.hasNext(); ) {
      WorkerNode node = it.next();
      if (!node.dialect().sendsHeartbeats()) {
        continue;
      }
      if (node.heartbeatLiveness() < 0 && !node.isMissing()) {
        node.state(WorkerState.MISSING);
        node.clearUsers();
        missing = append(missing, node);
      } else if (node.heartbeatLiveness() <= HEARTBEAT_DEAD_INTERNAL) {
        it.remove();
        detach(node);
        removed = append(removed, node);
      } else {
        node.heartbeatLiveness(node.heartbeatLiveness() - 1);
      }
    }
    return new LivenessChanges(missing, removed);
  }

  /** A registered node's state changed (called by the node before it takes the new state). */
  void stateChanged(WorkerState from, WorkerState to) {
    stateCounts[from.ordinal()]--;
    stateCounts[to.ordinal()]++;
  }

  /** A registered node's view-visible fields changed (called by the node once per drain). */
  void changed(WorkerNode node) {
    node.inChangeLog = true;
    changeLog.add(node);
  }

  private void attach(WorkerNode node) {
    node.registry(this);
    stateCounts[node.state().ordinal()]++;
    changed(node);
  }

  private void detach(WorkerNode node) {
    node.registry(null);
    stateCounts[node.state().ordinal()]--;
    orderChanged = true;
  }

  private static List<WorkerNode> append(List<WorkerNode> list, WorkerNode node) {
    List<WorkerNode> grown = list.isEmpty() ? new ArrayList<>() : list;
    grown.add(node);
    return grown;
  }
}
