package io.hatchery.master.runner;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.WorkerView;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.workers.WorkerNode;
import io.hatchery.master.workers.WorkerRegistry;
import io.hatchery.stats.RequestStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds immutable {@link MasterSnapshot}s from the control thread's state. The statistics are
 * deep-copied ({@link RequestStats#copy()}) only when they changed since the previous snapshot;
 * otherwise the previous copy, which nobody may modify, is reused. Likewise a worker's {@link
 * WorkerView} is rebuilt only when one of its fields changed. Not thread-safe: control thread.
 */
final class SnapshotBuilder {
  private final List<String> userClassNames;
  private RequestStats statsCopy;
  private long copiedVersion = -1;

  /** The views of the previous snapshot: immutable, so reused for workers that did not change. */
  private Map<WorkerNode, CachedView> previousViews = Map.of();

  SnapshotBuilder(List<UserClassSpec> userClasses) {
    this.userClassNames = userClasses.stream().map(UserClassSpec::name).toList();
  }

  MasterSnapshot build(
      Instant now,
      RunState state,
      long targetUserCount,
      Optional<String> host,
      WorkerRegistry registry,
      RequestStats stats,
      long statsVersion,
      ExceptionTable exceptions,
      List<String> degraded) {
    if (statsCopy == null || statsVersion != copiedVersion) {
      statsCopy = stats.copy();
      copiedVersion = statsVersion;
    }
    List<WorkerView> workers = new ArrayList<>();
    Map<String, Integer> perClass = new LinkedHashMap<>();
    Map<WorkerNode, CachedView> views = new IdentityHashMap<>(previousViews.size());
    long userCount = 0;
    for (WorkerNode node : registry.all()) {
      CachedView cached = previousViews.get(node);
      if (cached == null || !cached.matches(node)) {
        cached = new CachedView(node.userClassesCount(), view(node));
      }
      views.put(node, cached);
      workers.add(cached.view());
      if (!node.isMissing()) {
        userCount += node.userCount();
        node.userClassesCount().forEach((cls, n) -> perClass.merge(cls, clamp(n), Integer::sum));
      }
    }
    previousViews = views;
    return new MasterSnapshot(
        now,
        state,
        clamp(userCount),
        clamp(targetUserCount),
        perClass,
        host,
        userClassNames,
        workers,
        statsCopy,
        exceptions.views(),
        degraded);
  }

  private static WorkerView view(WorkerNode node) {
    Map<String, Integer> perClass = new LinkedHashMap<>();
    node.userClassesCount().forEach((cls, n) -> perClass.put(cls, clamp(n)));
    return new WorkerView(
        node.id(),
        node.index(),
        node.state(),
        clamp(node.userCount()),
        perClass,
        node.cpuUsagePercent(),
        node.memoryUsageBytes(),
        node.lastHeartbeatAt(),
        node.dialect().label());
  }

  /** A worker's view and the per-class map it was built from (compared by identity). */
  private record CachedView(Map<String, Long> source, WorkerView view) {
    boolean matches(WorkerNode node) {
      return source == node.userClassesCount()
          && view.state() == node.state()
          && view.userCount() == clamp(node.userCount())
          && view.index() == node.index()
          && Double.compare(view.cpuUsagePercent(), node.cpuUsagePercent()) == 0
          && view.memoryUsageBytes() == node.memoryUsageBytes()
          && view.lastHeartbeatAt().equals(node.lastHeartbeatAt())
          && view.dialect().equals(node.dialect().label());
    }
  }

  private static int clamp(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
