package io.hatchery.master.headless;

import io.hatchery.master.control.SwarmRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a headless run, by their Locust names. Immutable.
 *
 * @param expectWorkers {@code --expect-workers}: workers in state {@code ready} before starting,
 *     &ge; 1 (Locust's default 1)
 * @param expectWorkersMaxWait {@code --expect-workers-max-wait}: give up (exit 1) after this long,
 *     empty to wait forever (Locust's 0)
 * @param request {@code -u}, {@code -r}, {@code -H}, {@code -t} (its run time) and the classes
 * @param exitCodeOnError {@code --exit-code-on-error}: the status when any request failed or any
 *     exception was reported (Locust's default 1)
 */
public record HeadlessOptions(
    int expectWorkers,
    Optional<Duration> expectWorkersMaxWait,
    SwarmRequest request,
    int exitCodeOnError) {

  public HeadlessOptions {
    if (expectWorkers < 1) {
      throw new IllegalArgumentException("expectWorkers must be >= 1: " + expectWorkers);
    }
    Objects.requireNonNull(expectWorkersMaxWait, "expectWorkersMaxWait");
    Objects.requireNonNull(request, "request");
  }

  /** One expected worker, no max wait, exit code 1 on error. */
  public static HeadlessOptions of(SwarmRequest request) {
    return new HeadlessOptions(1, Optional.empty(), request, 1);
  }

  public HeadlessOptions withExpectWorkers(int workers, Optional<Duration> maxWait) {
    return new HeadlessOptions(workers, maxWait, request, exitCodeOnError);
  }
}
