package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.stats.wire.StatsReportMaps;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestStatsCopyTest {

  private static final double T0 = 1_700_000_000.0;
  private final ManualClock clock = ManualClock.atEpochSeconds(T0);
  private final RequestStats master = new RequestStats(clock);

  @Test
  void copyHoldsTheSameFiguresAsTheOriginal() throws Exception {
    mergeRequests("/a", 50, 104);
    mergeFailure("/b");

    RequestStats copy = master.copy();

    StatsEntry original = master.find("/a", "GET").orElseThrow();
    StatsEntry copied = copy.find("/a", "GET").orElseThrow();
    assertThat(copied.numRequests()).isEqualTo(50);
    assertThat(copied.responseTimes()).isEqualTo(original.responseTimes());
    assertThat(copied.numReqsPerSec()).isEqualTo(original.numReqsPerSec());
    assertThat(copied.hasExactPercentiles()).isTrue();
    assertThat(copied.responseTimePercentile(0.95))
        .isEqualTo(original.responseTimePercentile(0.95));
    assertThat(copy.total().numRequests()).isEqualTo(master.total().numRequests());
    assertThat(copy.total().numFailures()).isEqualTo(1);
    assertThat(copy.errors()).isEqualTo(master.errors());
    assertThat(copy.entries()).extracting(StatsEntry::name).containsExactly("/a", "/b");
  }

  @Test
  void mergingIntoTheOriginalLeavesTheCopyUnchanged() throws Exception {
    mergeRequests("/a", 10, 104);
    RequestStats copy = master.copy();
    double p99Before = copy.find("/a", "GET").orElseThrow().responseTimePercentile(0.99);

    clock.advanceMillis(2_000);
    mergeRequests("/a", 40, 900);
    mergeRequests("/c", 5, 20);
    mergeFailure("/a");

    StatsEntry copied = copy.find("/a", "GET").orElseThrow();
    assertThat(copied.numRequests()).isEqualTo(10);
    assertThat(copied.numFailures()).isZero();
    assertThat(copied.maxResponseTimeMillis()).isEqualTo(104);
    assertThat(copied.responseTimes().sum()).isEqualTo(10);
    assertThat(copied.responseTimePercentile(0.99)).isEqualTo(p99Before);
    assertThat(copy.find("/c", "GET")).isEmpty();
    assertThat(copy.errors()).isEmpty();
    assertThat(copy.total().numRequests()).isEqualTo(10);
  }

  @Test
  void resettingTheCopyLeavesTheOriginalUnchanged() throws Exception {
    mergeRequests("/a", 10, 104);
    mergeFailure("/a");
    RequestStats copy = master.copy();

    copy.resetAll();
    copy.clearAll();

    assertThat(master.find("/a", "GET").orElseThrow().numRequests()).isEqualTo(11);
    assertThat(master.find("/a", "GET").orElseThrow().hasExactPercentiles()).isTrue();
    assertThat(master.errors()).hasSize(1);
    assertThat(master.total().numRequests()).isEqualTo(11);
  }

  @Test
  void copyKeepsTheResponseTimesCacheForCurrentPercentiles() throws Exception {
    for (int second = 0; second < 12; second++) {
      mergeRequests("/a", 10, 100 + second * 100);
      clock.advanceMillis(1_000);
    }
    RequestStats copy = master.copy();
    StatsEntry original = master.find("/a", "GET").orElseThrow();

    assertThat(copy.currentResponseTimePercentile(copy.find("/a", "GET").orElseThrow(), 0.5))
        .isEqualTo(master.currentResponseTimePercentile(original, 0.5))
        .isPresent();
  }

  private void mergeRequests(String name, int count, double millis) throws Exception {
    StatsRecorder recorder = new StatsRecorder(clock);
    for (int i = 0; i < count; i++) {
      recorder.record(name, "GET", millis, 10);
    }
    merge(recorder.snapshot());
  }

  private void mergeFailure(String name) throws Exception {
    StatsRecorder recorder = new StatsRecorder(clock);
    recorder.recordFailure(name, "GET", 5.0, 0, "IllegalStateException('boom')");
    merge(recorder.snapshot());
  }

  private void merge(StatsReport report) throws Exception {
    master.merge(StatsReportMaps.fromMap(StatsReportMaps.toMap(report), clock.millis() / 1000.0));
  }
}
