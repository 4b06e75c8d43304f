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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds immutable {@link MasterSnapshot}s from the control thread's state. The statistics are
 * deep-copied ({@link RequestStats#copy()}) only when they changed since the previous snapshot;
 * otherwise the previous copy, which nobody may modify, is reused. Not thread-safe: control thread.
 */
final class SnapshotBuilder {
  private final List<String> userClassNames;
  private RequestStats statsCopy;
  private long copiedVersion = -1;

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
    long userCount = 0;
    for (WorkerNode node : registry.all()) {
      workers.add(view(node));
      if (!node.isMissing()) {
        userCount += node.userCount();
        node.userClassesCount().forEach((cls, n) -> perClass.merge(cls, clamp(n), Integer::sum));
      }
    }
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

  private static int clamp(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
