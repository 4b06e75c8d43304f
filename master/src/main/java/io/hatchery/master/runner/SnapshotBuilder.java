package io.hatchery.master.runner;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.workers.WorkerRegistry;
import io.hatchery.stats.RequestStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds immutable {@link MasterSnapshot}s from the control thread's state. The statistics are
 * deep-copied ({@link RequestStats#copy()}) only when they changed since the previous snapshot;
 * otherwise the previous copy, which nobody may modify, is reused. The workers' views and user
 * totals come from {@link WorkerViews}, which rebuilds only the workers that changed. Not
 * thread-safe: control thread.
 */
final class SnapshotBuilder {
  private final List<String> userClassNames;
  private final WorkerViews workers = new WorkerViews();
  private RequestStats statsCopy;
  private long copiedVersion = -1;

  SnapshotBuilder(List<UserClassSpec> userClasses) {
    this.userClassNames = userClasses.stream().map(UserClassSpec::name).toList();
  }

  /**
   * @param degraded reasons the run is degraded other than missing workers (which come first)
   */
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
    workers.update(registry);
    List<String> missing = workers.missingWorkers();
    List<String> reasons = degraded;
    if (!missing.isEmpty()) {
      reasons = new ArrayList<>(missing);
      reasons.addAll(degraded);
    }
    return new MasterSnapshot(
        now,
        state,
        WorkerViews.clamp(workers.userCount()),
        WorkerViews.clamp(targetUserCount),
        workers.userClassesCount(),
        host,
        userClassNames,
        workers.views(),
        statsCopy,
        exceptions.views(),
        reasons);
  }
}
