package io.hatchery.master.headless;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.protocol.payload.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locust's wait for {@code --expect-workers} before a run starts (the loop in {@code main.py}, and
 * {@code start_automatic_run} for {@code --autostart}, 2.12.1): the run may start once that many
 * workers are ready; the wait is given up once {@code --expect-workers-max-wait} has passed; until
 * then a check logs "Waiting for workers to be ready, n of m connected", at most once per second of
 * waiting. The one definition for the master's and the CLI's headless runs and for {@code
 * --autostart}, which each check from their own loop.
 *
 * <p>Not thread-safe: one caller thread.
 */
public final class ExpectedWorkers {
  /** What a check found. */
  public enum Verdict {
    /** Enough workers are ready: start. */
    READY,
    /** Not yet: check again later. */
    WAITING,
    /** The maximum wait has passed (logged): the caller quits with status 1, as Locust does. */
    GAVE_UP
  }

  private static final Logger LOG = LoggerFactory.getLogger(ExpectedWorkers.class);

  private final int expected;
  private final Optional<Duration> maxWait;
  private final Instant since;
  private long lastLoggedSecond = -1;

  /**
   * @param expected ready workers to wait for ({@code --expect-workers}; 0 starts at once)
   * @param maxWait {@code --expect-workers-max-wait}; empty or zero waits for ever, as Locust reads
   *     0
   * @param since when the wait began
   */
  public ExpectedWorkers(int expected, Optional<Duration> maxWait, Instant since) {
    if (expected < 0) {
      throw new IllegalArgumentException("expected workers must be >= 0: " + expected);
    }
    this.expected = expected;
    this.maxWait = maxWait.filter(wait -> wait.isPositive());
    this.since = Objects.requireNonNull(since, "since");
  }

  /** Checks the workers of {@code snapshot} at {@code now}. */
  public Verdict check(MasterSnapshot snapshot, Instant now) {
    long ready = readyWorkers(snapshot);
    if (ready >= expected) {
      return Verdict.READY;
    }
    Duration waited = Duration.between(since, now);
    if (maxWait.isPresent() && waited.compareTo(maxWait.get()) >= 0) {
      LOG.error("Gave up waiting for workers to connect");
      return Verdict.GAVE_UP;
    }
    if (waited.toSeconds() != lastLoggedSecond) {
      lastLoggedSecond = waited.toSeconds();
      LOG.info("Waiting for workers to be ready, {} of {} connected", ready, expected);
    }
    return Verdict.WAITING;
  }

  /** Workers in state {@code ready} (Locust's {@code len(runner.clients.ready)}). */
  public static long readyWorkers(MasterSnapshot snapshot) {
    return snapshot.workers().stream().filter(w -> w.state() == WorkerState.READY).count();
  }
}
