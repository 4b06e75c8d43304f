package io.hatchery.master.runner;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link InstantSource} that moves only when told to; safe to read from many threads. */
public final class ManualClock implements InstantSource {
  private final AtomicLong millis;

  public ManualClock(long epochMillis) {
    this.millis = new AtomicLong(epochMillis);
  }

  public void advance(Duration delta) {
    millis.addAndGet(delta.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
