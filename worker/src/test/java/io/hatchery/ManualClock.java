package io.hatchery;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when told to. Thread-safe. */
public final class ManualClock implements InstantSource {

  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public void advance(Duration delta) {
    now.updateAndGet(t -> t.plus(delta));
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
