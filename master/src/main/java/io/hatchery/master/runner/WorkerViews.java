package io.hatchery.master.runner;

import io.hatchery.master.control.WorkerView;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.master.workers.WorkerRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workers part of a {@link io.hatchery.master.control.MasterSnapshot}, kept up to date
 * incrementally: {@link #update} rebuilds the {@link WorkerView} of only the nodes the registry's
 * change log names, and adjusts the running totals (users, users per class, missing workers) by the
 * difference between a node's old and new view. So publishing a snapshot costs O(changed workers)
 * plus one array copy of the views, not a walk over every node. Only when nodes left the registry
 * or moved in its order is everything rebuilt (O(workers); registrations, quits and removals only).
 *
 * <p>The result equals a full rebuild from the registry at the time of {@link #update} (the unit
 * tests compare the two). Not thread-safe: control thread; the lists it returns are immutable.
 */
final class WorkerViews {
  private final List<WorkerNode> changed = new ArrayList<>();
  private final Map<String, long[]> perClass = new HashMap<>(); // class -> {users, contributors}
  private Map<WorkerNode, Integer> slots = new IdentityHashMap<>();
  private WorkerNode[] nodes = new WorkerNode[0];
  private WorkerView[] views = new WorkerView[0];
  private long[] users = new long[0];
  private Object[] classSources = new Object[0]; // the node's per-class map each view was made of
  private boolean[] missing = new boolean[0];
  private int size;
  private int missingCount;
  private long userCount;
  private List<WorkerView> published = List.of();
  private boolean publishedStale;

  /** Applies what changed in {@code registry} since the previous update. */
  void update(WorkerRegistry registry) {
    changed.clear();
    boolean reordered = registry.drainChanges(changed);
    if (reordered) {
      rebuild(registry);
    } else {
      for (WorkerNode node : changed) {
        Integer slot = slots.get(node);
        if (slot == null) {
          append(node);
        } else if (sameContribution(slot, node)) {
          // A heartbeat, usually: the totals stay, and the old view need not be read.
          set(slot, node, views[slot], classSources[slot]);
        } else {
          subtract(slot);
          set(slot, node, views[slot], classSources[slot]);
          add(slot);
        }
      }
    }
    publishedStale |= reordered || !changed.isEmpty();
  }

  /** Every registered worker's view, in registration order. */
  List<WorkerView> views() {
    if (publishedStale) {
      published = List.of(Arrays.copyOf(views, size));
      publishedStale = false;
    }
    return published;
  }

  /** Users on workers that are not missing, as they last reported. */
  long userCount() {
    return userCount;
  }

  /** Users by class on workers that are not missing (a class any of them reported, even at 0). */
  Map<String, Integer> userClassesCount() {
    Map<String, Integer> result = LinkedHashMap.newLinkedHashMap(perClass.size());
    perClass.forEach((cls, sum) -> result.put(cls, clamp(sum[0])));
    return result;
  }

  /** "worker {id} is missing" for each missing worker, in registration order. */
  List<String> missingWorkers() {
    if (missingCount == 0) {
      return List.of();
    }
    List<String> result = new ArrayList<>(missingCount);
    for (int i = 0; i < size; i++) {
      if (missing[i]) {
        result.add("worker " + nodes[i].id() + " is missing");
      }
    }
    return result;
  }

  private void rebuild(WorkerRegistry registry) {
    Set<WorkerNode> stale = Collections.newSetFromMap(new IdentityHashMap<>());
    stale.addAll(changed);
    Map<WorkerNode, Integer> oldSlots = slots;
    WorkerView[] oldViews = views;
    int capacity = registry.size();
    slots = new IdentityHashMap<>(capacity);
    nodes = new WorkerNode[capacity];
    views = new WorkerView[capacity];
    users = new long[capacity];
    missing = new boolean[capacity];
    Object[] oldSources = classSources;
    classSources = new Object[capacity];
    size = 0;
    missingCount = 0;
    userCount = 0;
    perClass.clear();
    for (WorkerNode node : registry.all()) {
      Integer old = oldSlots.get(node);
      int slot = size++;
      slots.put(node, slot);
      if (old != null && !stale.contains(node)) {
        nodes[slot] = node;
        views[slot] = oldViews[old];
        users[slot] = node.userCount();
        missing[slot] = node.isMissing();
        classSources[slot] = node.userClassesCount();
      } else {
        set(slot, node, old == null ? null : oldViews[old], old == null ? null : oldSources[old]);
      }
      add(slot);
    }
  }

  private void append(WorkerNode node) {
    if (size == views.length) {
      int capacity = Math.max(16, size * 2);
      nodes = Arrays.copyOf(nodes, capacity);
      views = Arrays.copyOf(views, capacity);
      users = Arrays.copyOf(users, capacity);
      missing = Arrays.copyOf(missing, capacity);
      classSources = Arrays.copyOf(classSources, capacity);
    }
    int slot = size++;
    slots.put(node, slot);
    set(slot, node, null, null);
    add(slot);
  }

  /**
   * Puts a new view of {@code node} in {@code slot}. Its per-class map is taken from {@code
   * previous} when the node still has the map that view was made of (reports usually repeat the
   * counts, and the node keeps its map then), so a heartbeat allocates one view and no map.
   */
  private void set(int slot, WorkerNode node, WorkerView previous, Object previousSource) {
    Map<String, Long> source = node.userClassesCount();
    Map<String, Integer> perClassView;
    if (previous != null && previousSource == source) {
      perClassView = previous.userClassesCount();
    } else {
      perClassView = LinkedHashMap.newLinkedHashMap(source.size());
      for (Map.Entry<String, Long> e : source.entrySet()) {
        perClassView.put(e.getKey(), clamp(e.getValue()));
      }
    }
    nodes[slot] = node;
    views[slot] =
        new WorkerView(
            node.id(),
            node.index(),
            node.state(),
            clamp(node.userCount()),
            perClassView,
            node.cpuUsagePercent(),
            node.memoryUsageBytes(),
            node.lastHeartbeatAt(),
            node.dialect().label());
    users[slot] = node.userCount();
    missing[slot] = node.isMissing();
    classSources[slot] = source;
  }

  /**
   * Whether {@code node} would add to the totals exactly what the view in {@code slot} added: the
   * same missing flag, user count and per-class map (the node keeps its map while reports repeat
   * the counts, see {@link #set}).
   */
  private boolean sameContribution(int slot, WorkerNode node) {
    return missing[slot] == node.isMissing()
        && users[slot] == node.userCount()
        && classSources[slot] == node.userClassesCount();
  }

  /** Adds the contribution of the view in {@code slot} to the totals. */
  private void add(int slot) {
    if (missing[slot]) {
      missingCount++;
      return;
    }
    userCount += users[slot];
    for (Map.Entry<String, Integer> e : views[slot].userClassesCount().entrySet()) {
      long[] sum = perClass.computeIfAbsent(e.getKey(), k -> new long[2]);
      sum[0] += e.getValue();
      sum[1]++;
    }
  }

  /** Takes the contribution of the view in {@code slot} out of the totals. */
  private void subtract(int slot) {
    if (missing[slot]) {
      missingCount--;
      return;
    }
    userCount -= users[slot];
    for (Map.Entry<String, Integer> e : views[slot].userClassesCount().entrySet()) {
      long[] sum = perClass.get(e.getKey());
      sum[0] -= e.getValue();
      if (--sum[1] == 0) {
        perClass.remove(e.getKey());
      }
    }
  }

  static int clamp(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
