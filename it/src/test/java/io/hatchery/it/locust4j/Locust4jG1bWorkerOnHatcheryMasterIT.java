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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Locust4j 1.0.14 worker (G1b: nil client_ready, rate-based {@code spawn}) joins a Hatchery
 * master running a headless test; the master's per-endpoint counts equal what the target served.
 */
@Timeout(120)
class Locust4jG1bWorkerOnHatcheryMasterIT {
  private static final Duration STEP = Duration.ofSeconds(40);
  private static final long REQUEST_BUDGET = 60;

  @Test
  void masterCountsEveryRequestOfALocust4j1014Worker(@TempDir Path dir) throws Exception {
    try (TestTarget target = TestTarget.start();
        HeadlessMasterRun run =
            HeadlessMasterRun.start(
                false,
                List.of(UserClassSpec.weighted("Locust4jUser", 1)),
                4,
                10.0,
                target.baseUrl());
        Locust4jProcess worker =
            Locust4jProcess.start(
                Locust4jRelease.g1b(),
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
                assertThat(w.dialect()).isEqualTo("G1b");
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
