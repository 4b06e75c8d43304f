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
 * A real Locust4j 1.0.0 worker (G0: PUSH to P, PULL from P+1, {@code hatch}, no heartbeats) joins a
 * Hatchery master in PUSH/PULL mode running a headless test; the master's per-endpoint counts equal
 * what the target served.
 */
@Timeout(120)
class Locust4jG0WorkerOnHatcheryMasterIT {
  private static final Duration STEP = Duration.ofSeconds(40);
  private static final long REQUEST_BUDGET = 60;

  @Test
  void masterInPushPullModeCountsEveryRequestOfALocust4j100Worker(@TempDir Path dir)
      throws Exception {
    try (TestTarget target = TestTarget.start();
        HeadlessMasterRun run =
            HeadlessMasterRun.start(
                true,
                List.of(UserClassSpec.weighted("Locust4jUser", 1)),
                4,
                10.0,
                target.baseUrl());
        Locust4jProcess worker =
            Locust4jProcess.start(
                Locust4jRelease.g0(),
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
                assertThat(w.dialect()).isEqualTo("G0");
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
