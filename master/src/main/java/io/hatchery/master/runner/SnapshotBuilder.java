package io.hatchery.master.runner;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.workers.WorkerRegistry;
import io.hatchery.stats.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds immutable {@link MasterSnapshot}s from the control thread's state. The workers' views and
 * user totals come from {@link WorkerViews}, which rebuilds only the workers that changed.
 *
 * <p>The statistics are deep-copied ({@link RequestStats#copy()}); otherwise the previous copy,
 * which nobody may modify, is reused. A copy costs O(entries x seconds of the run), whatever the
 * number of workers (~130 &micro;s after one minute of a 10-entry run, ~600 &micro;s after an hour:
 * bench/README.md &sect;4), so a routine snapshot re-copies them only once the copy is {@link
 * #STATS_MAX_AGE} old: at most one copy per second however many workers report, and statistics
 * never older than the 1 s at which the CSV history samples them (the web UI and console read every
 * 2 s). A snapshot asked for fresh statistics (the run state changed, statistics were reset, {@code
 * publishNow}) always copies. Not thread-safe: control thread.
 */
final class SnapshotBuilder {
  private final List<String> userClassNames;
  private final WorkerViews workers = new WorkerViews();
  private RequestStats statsCopy;
  private long copiedVersion = -1;
  private Instant copiedAt;

  SnapshotBuilder(List<UserClassSpec> userClasses) {
    this.userClassNames = userClasses.stream().map(UserClassSpec::name).toList();
  }

  /** The oldest the statistics of a routine snapshot may be. */
  static final Duration STATS_MAX_AGE = Duration.ofSeconds(1);

  /**
   * @param statsVersion incremented by the caller on every change of {@code stats}
   * @param freshStats copy the statistics if they changed at all
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
      boolean freshStats,
      ExceptionTable exceptions,
      List<String> degraded) {
    if (statsCopy == null
        || statsVersion != copiedVersion
            && (freshStats || !now.isBefore(copiedAt.plus(STATS_MAX_AGE)))) {
      statsCopy = stats.copy();
      copiedVersion = statsVersion;
      copiedAt = now;
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

  /**
   * When the last snapshot's statistics become too old ({@link #STATS_MAX_AGE}) given that {@code
   * statsVersion} is the current version, or null when that snapshot holds the current statistics.
   */
  Instant statsDueAt(long statsVersion) {
    return statsVersion == copiedVersion ? null : copiedAt.plus(STATS_MAX_AGE);
  }
}
