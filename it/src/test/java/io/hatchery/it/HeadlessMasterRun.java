package io.hatchery.it;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.headless.HeadlessOptions;
import io.hatchery.master.headless.HeadlessRun;
import io.hatchery.master.runner.Master;
import io.hatchery.master.runner.MasterBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A real Hatchery master on an ephemeral loopback port running a headless test ({@code --headless
 * -u <users> -r <rate> -H <host> --expect-workers 1}), for interop tests whose workers are third
 * party. Closing quits the master.
 *
 * <pre>{@code
 * try (HeadlessMasterRun run = HeadlessMasterRun.start(false, classes, 4, 10.0, target.baseUrl())) {
 *   ... start a worker on run.port() ...
 *   run.awaitSnapshot(s -> s.stats().total().numRequests() >= 60, timeout, () -> worker.log());
 *   int status = run.quitAndAwaitExitCode(timeout);
 * }
 * }</pre>
 */
public final class HeadlessMasterRun implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(50);

  private final Master master;
  private final HeadlessRun run;

  private HeadlessMasterRun(Master master, HeadlessRun run) {
    this.master = master;
    this.run = run;
  }

  /**
   * Starts the master and its headless run, which begins the swarm once one worker is ready.
   *
   * @param legacyG0 bind Locust 0.9's PUSH/PULL pair (G0) instead of a ROUTER
   */
  public static HeadlessMasterRun start(
      boolean legacyG0,
      List<UserClassSpec> userClasses,
      int users,
      double spawnRatePerSecond,
      String host)
      throws IOException {
    MasterBuilder builder = Master.builder().userClasses(userClasses);
    builder = legacyG0 ? builder.bindLegacy("127.0.0.1", 0) : builder.bind("127.0.0.1", 0);
    Master master = builder.start();
    SwarmRequest request =
        new SwarmRequest(users, spawnRatePerSecond, Optional.of(host), Optional.empty(), List.of());
    HeadlessRun run = new HeadlessRun(master, HeadlessOptions.of(request), InstantSource.system());
    master.addListener(run);
    return new HeadlessMasterRun(master, run);
  }

  /** The port workers connect to (the PULL port P for G0; PUSH is on P+1). */
  public int port() {
    return master.port();
  }

  /** The master's latest snapshot. */
  public MasterSnapshot snapshot() {
    return master.snapshot();
  }

  /**
   * Polls the master's snapshots until one satisfies {@code condition}.
   *
   * @throws AssertionError at the deadline, quoting the last snapshot's totals and {@code context}
   */
  public MasterSnapshot awaitSnapshot(
      Predicate<MasterSnapshot> condition, Duration timeout, Supplier<String> context)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    MasterSnapshot snapshot = master.snapshot();
    while (!condition.test(snapshot)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no matching snapshot within "
                + timeout
                + "; last: state "
                + snapshot.state()
                + ", workers "
                + snapshot.workers()
                + ", requests "
                + snapshot.stats().total().numRequests()
                + ", failures "
                + snapshot.stats().total().numFailures()
                + "\n"
                + context.get());
      }
      Thread.sleep(POLL);
      snapshot = master.snapshot();
    }
    return snapshot;
  }

  /**
   * Quits the master as Locust's {@code --run-time} expiry does ({@code quit} to every worker, a
   * grace period for their final reports) and returns the headless exit status.
   */
  public int quitAndAwaitExitCode(Duration timeout) throws Exception {
    master.quit();
    return run.awaitExitCode(timeout);
  }

  @Override
  public void close() {
    master.close();
  }
}
