package io.hatchery.worker.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * A periodic timer on the control thread's clock (the worker's heartbeat and report): not running
 * until {@link #startAt}, then due every interval. After a stall it keeps the cadence from the
 * moment it fired instead of firing a burst of catch-ups. Not thread-safe.
 */
final class Cadence {
  private final Duration interval;
  private Instant nextAt;

  Cadence(Duration interval) {
    this.interval = interval;
  }

  /** Starts the cadence with its first firing at {@code first}; no-op once started. */
  void startAt(Instant first) {
    if (nextAt == null) {
      nextAt = first;
    }
  }

  boolean started() {
    return nextAt != null;
  }

  /** Returns whether the timer is due at {@code now}, and if so schedules the next firing. */
  boolean fire(Instant now) {
    if (nextAt == null || now.isBefore(nextAt)) {
      return false;
    }
    Instant next = nextAt.plus(interval);
    nextAt = next.isAfter(now) ? next : now.plus(interval);
    return true;
  }

  /** The next firing, or {@code null} before {@link #startAt}. */
  Instant deadline() {
    return nextAt;
  }
}
