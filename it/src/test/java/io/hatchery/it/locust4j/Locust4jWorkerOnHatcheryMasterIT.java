package io.hatchery.it.locust4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.it.HeadlessMasterRun;
import io.hatchery.it.TargetReconciliation;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.testkit.TestTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real Locust4j worker joins a Hatchery master running a headless test; the master's per-endpoint
 * counts equal what the target served. Once per protocol generation Locust4j speaks: 1.0.14 (G1b:
 * nil {@code client_ready}, rate-based {@code spawn}) against the ROUTER, and 1.0.0 (G0: PUSH to P,
 * PULL from P+1, {@code hatch}, no heartbeats) against the master in PUSH/PULL mode.
 */
@Timeout(120)
class Locust4jWorkerOnHatcheryMasterIT {
  private static final Duration STEP = Duration.ofSeconds(40);
  private static final long REQUEST_BUDGET = 60;

  /** A Locust4j release, the master mode it needs and the dialect the master must detect. */
  enum Generation {
    G1B(Locust4jRelease::g1b, false, "G1b"),
    G0(Locust4jRelease::g0, true, "G0");

    final Supplier<Locust4jRelease> release;
    final boolean legacyPushPull;
    final String dialect;

    Generation(Supplier<Locust4jRelease> release, boolean legacyPushPull, String dialect) {
      this.release = release;
      this.legacyPushPull = legacyPushPull;
      this.dialect = dialect;
    }
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void masterCountsEveryRequestOfALocust4jWorker(Generation generation, @TempDir Path dir)
      throws Exception {
    try (TestTarget target = TestTarget.start();
        HeadlessMasterRun run =
            HeadlessMasterRun.start(
                generation.legacyPushPull,
                List.of(UserClassSpec.weighted("Locust4jUser", 1)),
                4,
                10.0,
                target.baseUrl());
        Locust4jProcess worker =
            Locust4jProcess.start(
                generation.release.get(),
                dir,
                "127.0.0.1",
                run.port(),
                target.baseUrl(),
                REQUEST_BUDGET)) {
      MasterSnapshot running =
          run.awaitSnapshot(s -> s.userCount() == 4 && !s.workers().isEmpty(), STEP, worker::log);
      assertThat(running.workers())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.dialect()).isEqualTo(generation.dialect);
                assertThat(w.userCount()).isEqualTo(4);
              });

      // The load ends by itself; every request reaches the master before the run is stopped.
      run.awaitSnapshot(
          s -> s.stats().total().numRequests() + s.stats().total().numFailures() == REQUEST_BUDGET,
          STEP,
          () -> "target saw " + target.requestCount() + "\n" + worker.log());

      // Requests to /status/500 fail, so the headless status is --exit-code-on-error (1).
      assertThat(run.quitAndAwaitExitCode(STEP)).isEqualTo(1);
      assertThat(worker.awaitExit(STEP)).as(worker.log()).isZero();
      assertThat(target.requestCount()).isEqualTo(REQUEST_BUDGET);
      TargetReconciliation.assertFailuresOnlyPeerMatches(run.snapshot().stats(), target);
      TargetReconciliation.assertErrorOccurrences(run.snapshot().stats(), true);
    }
  }
}
