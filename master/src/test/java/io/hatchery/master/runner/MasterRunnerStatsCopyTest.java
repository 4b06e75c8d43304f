package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.MessageType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When routine snapshots re-copy the statistics: once the copy is {@link
 * SnapshotBuilder#STATS_MAX_AGE} old (by a timer, without further messages), however many reports
 * arrived, and at once when fresh statistics are wanted.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MasterRunnerStatsCopyTest {
  private final RunnerHarness h =
      new RunnerHarness(
          MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1)))
              .withHeartbeatInterval(Duration.ofHours(1))); // no liveness timer in the way

  @BeforeEach
  void oneWorkerWithOneReportInTheLatestSnapshot() {
    h.ready("vm_a", "");
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 1));
    h.runner.publishNow();
  }

  @Test
  void aReportReachesTheSnapshotsWithinTheMaximumAgeWithoutFurtherMessages() {
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 1));

    h.advance(Duration.ofMillis(900));
    assertThat(requestsInLatestSnapshot()).isEqualTo(1);
    assertThat(h.runner.nextDeadline())
        .isEqualTo(
            Instant.ofEpochMilli(RunnerHarness.T0_MILLIS).plus(SnapshotBuilder.STATS_MAX_AGE));
    h.advance(Duration.ofMillis(100));
    assertThat(requestsInLatestSnapshot()).isEqualTo(2);
  }

  @Test
  void manyReportsWaitForTheMaximumAgeLikeOne() {
    for (int i = 0; i < 1_000; i++) {
      h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 1));
    }

    h.advance(Duration.ofMillis(900));
    assertThat(requestsInLatestSnapshot()).isEqualTo(1);
    h.advance(Duration.ofMillis(100));
    assertThat(requestsInLatestSnapshot()).isEqualTo(1 + 1_000);
  }

  @Test
  void aResetReachesTheNextSnapshot() {
    h.advance(Duration.ofSeconds(1));
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 1));
    h.runner.resetStats();

    h.advance(Duration.ofMillis(100));
    assertThat(requestsInLatestSnapshot()).isZero();
  }

  @Test
  void publishNowAlwaysHasTheCurrentStatistics() {
    h.send("vm_a", MessageType.STATS, StatsData.requests("/a", 1));

    assertThat(h.runner.publishNow().stats().total().numRequests()).isEqualTo(2);
  }

  @Test
  void anUnchangedCopyIsReusedAndTheIdleRunnerHasNoStatsTimer() {
    MasterSnapshot first = h.runner.latestSnapshot();
    h.advance(Duration.ofSeconds(2));

    assertThat(h.runner.latestSnapshot().stats()).isSameAs(first.stats());
    assertThat(h.runner.nextDeadline()).isAfter(h.clock.instant().plusSeconds(60));
  }

  private long requestsInLatestSnapshot() {
    return h.runner.latestSnapshot().stats().total().numRequests();
  }
}
