package io.hatchery.master.control;

import io.hatchery.stats.RequestStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of a master's run at one instant, published by its control thread for readers on other
 * threads (web API, console, reports).
 *
 * <p>Immutable by contract: {@link #stats()} is a private copy made for this snapshot, which
 * readers must not modify (its {@code merge}/{@code reset} methods must not be called).
 *
 * @param takenAt when the snapshot was published
 * @param state the run state
 * @param userCount users currently running on all workers, as they last reported
 * @param targetUserCount the user count of the current (or last) swarm request
 * @param userClassesCount running users by class across all workers
 * @param host the target base URL, empty when none was set
 * @param userClassNames every user class the master knows, in declaration order
 * @param workers every registered worker, in registration order
 * @param stats the merged statistics (a copy)
 * @param exceptions the aggregated exceptions, in first-seen order
 * @param degraded why the run is below what was asked (e.g. a missing worker), empty when it is not
 */
public record MasterSnapshot(
    Instant takenAt,
    RunState state,
    int userCount,
    int targetUserCount,
    Map<String, Integer> userClassesCount,
    Optional<String> host,
    List<String> userClassNames,
    List<WorkerView> workers,
    RequestStats stats,
    List<ExceptionView> exceptions,
    List<String> degraded) {

  public MasterSnapshot {
    userClassesCount = Map.copyOf(userClassesCount);
    userClassNames = List.copyOf(userClassNames);
    workers = List.copyOf(workers);
    exceptions = List.copyOf(exceptions);
    degraded = List.copyOf(degraded);
  }
}
