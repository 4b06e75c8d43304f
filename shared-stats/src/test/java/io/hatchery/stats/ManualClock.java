package io.hatchery.stats;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link InstantSource} that only moves when told to; safe to read from many threads. */
public final class ManualClock implements InstantSource {

  private final AtomicLong millis;

  public ManualClock(long epochMillis) {
    this.millis = new AtomicLong(epochMillis);
  }

  /** Creates a clock at {@code epochSeconds}, rounded to the millisecond. */
  public static ManualClock atEpochSeconds(double epochSeconds) {
    return new ManualClock(Math.round(epochSeconds * 1000));
  }

  public void setEpochSeconds(double epochSeconds) {
    millis.set(Math.round(epochSeconds * 1000));
  }

  public void advanceMillis(long delta) {
    millis.addAndGet(delta);
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
