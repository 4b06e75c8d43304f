package io.hatchery;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a {@link WaitTime} function may use: the engine's clock, the user's random generator, and
 * the per-owner pacing state behind {@link WaitTime#constantPacing}. The engine creates one per
 * user (and one per task set that declares its own wait time), so a shared {@link WaitTime} object
 * still paces each user separately.
 *
 * <p>Thread-safety: confined to the owning user's thread.
 */
public final class WaitContext {

  private final InstantSource clock;
  private final RandomGenerator random;
  private Instant pacingLastRun;
  private Duration pacingLastWait = Duration.ZERO;

  /**
   * Creates the context of a user or task set that starts now (Locust sets {@code _cp_last_run} in
   * the constructor).
   */
  public WaitContext(InstantSource clock, RandomGenerator random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.pacingLastRun = clock.instant();
  }

  /** The engine's clock. */
  public InstantSource clock() {
    return clock;
  }

  /** The user's random generator (seeded from the engine's seed). */
  public RandomGenerator random() {
    return random;
  }

  /**
   * Locust's {@code constant_pacing}: the time the last task took is the time since the previous
   * call minus the wait it returned; the next wait fills the rest of {@code pace}, never negative.
   */
  Duration nextPacedWait(Duration pace) {
    Instant now = clock.instant();
    Duration runTime = Duration.between(pacingLastRun, now).minus(pacingLastWait);
    Duration wait = pace.minus(runTime);
    pacingLastWait = wait.isNegative() ? Duration.ZERO : wait;
    pacingLastRun = now;
    return pacingLastWait;
  }
}
