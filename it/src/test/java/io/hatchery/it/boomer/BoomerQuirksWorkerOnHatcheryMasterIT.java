package io.hatchery.it.boomer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.it.HeadlessMasterRun;
import io.hatchery.it.TargetReconciliation;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.testkit.TestTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Boomer-quirks peer (G2 with Boomer's encoding and stats rules) joins a Hatchery master
 * running a headless test; the master's per-endpoint counts equal what the target served.
 */
@Timeout(90)
class BoomerQuirksWorkerOnHatcheryMasterIT {
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final long REQUEST_BUDGET = 60;

  @Test
  void masterCountsEveryRequestOfABoomerWorker() throws Exception {
    List<UserClassSpec> classes =
        List.of(UserClassSpec.weighted("ApiUser", 1), UserClassSpec.weighted("WebsiteUser", 3));
    try (TestTarget target = TestTarget.start();
        HeadlessMasterRun run = HeadlessMasterRun.start(false, classes, 4, 10.0, target.baseUrl());
        BoomerQuirksWorker worker =
            BoomerQuirksWorker.start(
                "127.0.0.1", run.port(), target.baseUrl(), REQUEST_BUDGET, 7)) {
      MasterSnapshot running =
          run.awaitSnapshot(s -> s.userCount() == 4, STEP, () -> "worker " + worker.state());
      assertThat(running.workers())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.id()).isEqualTo(worker.nodeId());
                assertThat(w.dialect()).isEqualTo("G2");
                assertThat(w.userClassesCount())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("ApiUser", 1, "WebsiteUser", 3));
              });

      run.awaitSnapshot(
          s -> s.stats().total().numRequests() + s.stats().total().numFailures() == REQUEST_BUDGET,
          STEP,
          () -> "target saw " + target.requestCount());

      assertThat(run.quitAndAwaitExitCode(STEP)).isEqualTo(1);
      assertThat(worker.foreignMessagesDropped()).isZero();
      assertThat(target.requestCount()).isEqualTo(REQUEST_BUDGET);
      TargetReconciliation.assertFailuresOnlyPeerMatches(run.snapshot().stats(), target);
      TargetReconciliation.assertErrorOccurrences(run.snapshot().stats(), false);
    }
  }
}
