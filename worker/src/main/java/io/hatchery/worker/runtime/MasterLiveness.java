package io.hatchery.worker.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Watches the master's heartbeats (Locust 2.19+ replies to each worker heartbeat). Armed only by
 * the first one, so masters that never send heartbeats (2.12.1, Hatchery in compatibility mode) are
 * tolerated, as Locust's fix {@code 789aeaf1} does. Owned by the control thread.
 */
final class MasterLiveness {
  private final Duration timeout;
  private Instant lastHeartbeatAt;

  MasterLiveness(Duration timeout) {
    this.timeout = timeout;
  }

  void onHeartbeat(Instant now) {
    lastHeartbeatAt = now;
  }

  boolean armed() {
    return lastHeartbeatAt != null;
  }

  /** Whether the master has been silent for the whole timeout since its last heartbeat. */
  boolean silent(Instant now) {
    return lastHeartbeatAt != null && !now.isBefore(lastHeartbeatAt.plus(timeout));
  }

  /** Forgets the master's heartbeats; the next one arms the timeout again. */
  void disarm() {
    lastHeartbeatAt = null;
  }

  /** When the master counts as silent, or {@code null} while not armed. */
  Instant deadline() {
    return lastHeartbeatAt == null ? null : lastHeartbeatAt.plus(timeout);
  }
}
