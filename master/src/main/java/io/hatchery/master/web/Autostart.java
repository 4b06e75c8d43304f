package io.hatchery.master.web;

import io.hatchery.master.control.SwarmRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Locust's {@code --autostart}: the swarm to start once {@code expectWorkers} workers are ready
 * ({@code --expect-workers}, 0 to start at once, as a standalone run does), giving up and quitting
 * after {@code expectWorkersMaxWait} ({@code --expect-workers-max-wait}; empty waits forever).
 * Immutable.
 */
public record Autostart(
    SwarmRequest request, int expectWorkers, Optional<Duration> expectWorkersMaxWait) {

  public Autostart {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(expectWorkersMaxWait, "expectWorkersMaxWait");
    if (expectWorkers < 0) {
      throw new IllegalArgumentException("expectWorkers must be >= 0: " + expectWorkers);
    }
  }

  /** Starts {@code request} at once, without waiting for workers. */
  public static Autostart now(SwarmRequest request) {
    return new Autostart(request, 0, Optional.empty());
  }
}
