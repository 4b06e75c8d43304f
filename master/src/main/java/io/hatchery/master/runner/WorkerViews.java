package io.hatchery.master.runner;

import io.hatchery.master.control.WorkerView;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.master.workers.WorkerRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workers part of a {@link io.hatchery.master.control.MasterSnapshot}, kept up to date
 * incrementally: {@link #update} rebuilds the {@link WorkerView} of only the nodes the registry's
 * change log names, and adjusts the running totals (users, users per class, missing workers) by the
 * difference between a node's old and new view. So publishing a snapshot costs O(changed workers)
 * plus one array copy of the views, not a rebuild of every view. Only when nodes left the registry
 * or moved in its order is everything re-laid out (O(workers); registrations, quits and removals
 * only).
 *
 * <p>Each node's view and what it added to the totals sit in one {@link Slot}, kept on the node
 * itself ({@link WorkerNode#viewSlot}): at 10,000 workers a heartbeat's view is refreshed with the
 * node and its slot as the only objects to fetch, with no lookup by identity and no four arrays
 * read at the same index.
 *
 * <p>The result equals a full rebuild from the registry at the time of {@link #update} (the unit
 * tests compare the two). One instance per registry, as the registry's change log has one reader.
 * Not thread-safe: control thread; the lists it returns are immutable.
 */
final class WorkerViews {
  /** One registered node's current view, and what that view added to the totals. */
  private static final class Slot {
    /** Where the slot and its view sit in {@link #slots} and {@link #views}. */
    int position;

    WorkerView view;
    long users;
    boolean missing;

    /** The node's per-class map the view was made of (the node keeps it while counts repeat). */
    Object classSource;

    /** Changed since the last update: set only while a re-layout runs. */
    boolean stale;
  }

  private final List<WorkerNode> changed = new ArrayList<>();
  private final Map<String, long[]> perClass = new HashMap<>(); // class -> {users, contributors}
  private Slot[] slots = new Slot[0]; // in registration order
  private WorkerView[] views = new WorkerView[0]; // each slot's view, at its position
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
      relayOut(registry);
    } else {
      for (WorkerNode node : changed) {
        Slot slot = slotOf(node);
        if (slot == null) {
          append(node);
        } else if (sameContribution(slot, node)) {
          set(slot, node); // a heartbeat, usually: the totals stay
        } else {
          subtract(slot);
          set(slot, node);
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
      if (slots[i].missing) {
        result.add("worker " + slots[i].view.id() + " is missing");
      }
    }
    return result;
  }

  /** The slot this instance keeps on {@code node}, or null for a node it has not seen. */
  private static Slot slotOf(WorkerNode node) {
    return node.viewSlot() instanceof Slot slot ? slot : null;
  }

  /** Lays the slots out in the registry's order again, with fresh views for changed nodes. */
  private void relayOut(WorkerRegistry registry) {
    for (WorkerNode node : changed) {
      Slot slot = slotOf(node);
      if (slot != null) {
        slot.stale = true;
      }
    }
    Slot[] laidOut = new Slot[registry.size()];
    views = new WorkerView[laidOut.length];
    size = 0;
    missingCount = 0;
    userCount = 0;
    perClass.clear();
    for (WorkerNode node : registry.all()) {
      Slot slot = slotOf(node);
      int position = size++;
      if (slot == null) {
        slot = new Slot();
        node.viewSlot(slot);
      }
      slot.position = position;
      laidOut[position] = slot;
      if (slot.view == null || slot.stale) {
        slot.stale = false;
        set(slot, node);
      } else {
        views[position] = slot.view;
      }
      add(slot);
    }
    slots = laidOut;
  }

  private void append(WorkerNode node) {
    if (size == slots.length) {
      int capacity = Math.max(16, size * 2);
      slots = Arrays.copyOf(slots, capacity);
      views = Arrays.copyOf(views, capacity);
    }
    Slot slot = new Slot();
    node.viewSlot(slot);
    slot.position = size++;
    slots[slot.position] = slot;
    set(slot, node);
    add(slot);
  }

  /**
   * Puts a new view of {@code node} in {@code slot}, and at its position in {@link #views}. Its
   * per-class map is taken from the slot's previous view when the node still has the map that view
   * was made of (reports usually repeat the counts, and the node keeps its map then), so a
   * heartbeat allocates one view and no map.
   */
  private void set(Slot slot, WorkerNode node) {
    Map<String, Long> source = node.userClassesCount();
    Map<String, Integer> perClassView;
    if (slot.view != null && slot.classSource == source) {
      perClassView = slot.view.userClassesCount();
    } else {
      perClassView = LinkedHashMap.newLinkedHashMap(source.size());
      for (Map.Entry<String, Long> e : source.entrySet()) {
        perClassView.put(e.getKey(), clamp(e.getValue()));
      }
    }
    slot.view =
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
    views[slot.position] = slot.view;
    slot.users = node.userCount();
    slot.missing = node.isMissing();
    slot.classSource = source;
  }

  /**
   * Whether {@code node} would add to the totals exactly what the view in {@code slot} added: the
   * same missing flag, user count and per-class map (the node keeps its map while reports repeat
   * the counts, see {@link #set}).
   */
  private static boolean sameContribution(Slot slot, WorkerNode node) {
    return slot.missing == node.isMissing()
        && slot.users == node.userCount()
        && slot.classSource == node.userClassesCount();
  }

  /** Adds the contribution of the view in {@code slot} to the totals. */
  private void add(Slot slot) {
    if (slot.missing) {
      missingCount++;
      return;
    }
    userCount += slot.users;
    for (Map.Entry<String, Integer> e : slot.view.userClassesCount().entrySet()) {
      long[] sum = perClass.computeIfAbsent(e.getKey(), k -> new long[2]);
      sum[0] += e.getValue();
      sum[1]++;
    }
  }

  /** Takes the contribution of the view in {@code slot} out of the totals. */
  private void subtract(Slot slot) {
    if (slot.missing) {
      missingCount--;
      return;
    }
    userCount -= slot.users;
    for (Map.Entry<String, Integer> e : slot.view.userClassesCount().entrySet()) {
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
