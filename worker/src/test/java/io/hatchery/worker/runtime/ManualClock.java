package io.hatchery.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test says so. Thread-safe. */
final class ManualClock implements InstantSource {
  private volatile Instant now;

  ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }
}
