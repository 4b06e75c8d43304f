package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatsRecorderTest {

  private static final double T0 = 1_700_000_000.0;
  private final ManualClock clock = ManualClock.atEpochSeconds(T0);
  private final StatsRecorder recorder = new StatsRecorder(clock);

  @Test
  void idleEntriesAreOmittedAndTheTotalSumsTheOthers() {
    recorder.record("/a", "GET", 10, 1);
    recorder.record("/b", "GET", 20, 2);
    clock.advanceMillis(3_000);
    recorder.snapshot();
    recorder.record("/a", "GET", 30, 4);
    recorder.recordFailure("/a", "POST", 40, 8, "'e'");
    clock.advanceMillis(3_000);

    StatsReport report = recorder.snapshot();

    assertThat(report.stats())
        .extracting(EntryReport::name, EntryReport::method)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/a", "GET"),
            org.assertj.core.groups.Tuple.tuple("/a", "POST"));
    EntryReport total = report.total();
    assertThat(total.numRequests()).isEqualTo(2);
    assertThat(total.numFailures()).isEqualTo(1);
    assertThat(total.totalContentLengthBytes()).isEqualTo(12);
    assertThat(total.minResponseTimeMillis()).isEqualTo(30.0);
    assertThat(total.maxResponseTimeMillis()).isEqualTo(40.0);
    assertThat(total.startEpochSeconds()).isEqualTo(T0 + 3);
    assertThat(total.lastRequestEpochSeconds()).isEqualTo(T0 + 3);
    assertThat(total.histogram().totalCount()).isEqualTo(2);
    assertThat(report.errors()).hasSize(1);
    assertThat(report.errors().get(ErrorKeys.key("POST", "/a", "'e'")))
        .isEqualTo(new StatsError("/a", "POST", "'e'", 1));
  }

  @Test
  void errorsReappearAfterAnIntervalWithout() {
    for (int interval = 0; interval < 5; interval++) {
      if (interval % 2 == 0) {
        recorder.recordFailure("/a", "GET", 1, 0, "'e'");
        recorder.recordFailure("/a", "GET", 1, 0, "'e'");
      }
      StatsReport report = recorder.snapshot();
      assertThat(report.errors().values().stream().mapToLong(StatsError::occurrences).sum())
          .isEqualTo(interval % 2 == 0 ? 2 : 0);
    }
  }

  @Test
  void secondsBeyondTheRingAndSlowBucketsAreStillCounted() {
    for (int s = 0; s < 40; s++) {
      recorder.record("/a", "GET", s * 10_000.0, 0);
      clock.advanceMillis(1_000);
    }
    EntryReport report = recorder.snapshot().stats().get(0);
    assertThat(report.numReqsPerSec().size()).isEqualTo(40);
    assertThat(report.numReqsPerSec().sum()).isEqualTo(40);
    assertThat(report.responseTimes().sum()).isEqualTo(40);
    assertThat(report.responseTimes().get(390_000)).isEqualTo(1);
    assertThat(report.numNoneRequests()).isZero();
  }

  @Test
  void invalidInputsAreRejected() {
    assertThatThrownBy(() -> recorder.record("/a", "GET", -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> recorder.record("/a", "GET", Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> recorder.record("/a", "GET", Double.POSITIVE_INFINITY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> recorder.record("/a", "GET", 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> recorder.record("/a", null, 1, 0))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void negativeZeroCountsAsZero() {
    recorder.record("/a", "GET", -0.0, 0);
    EntryReport report = recorder.snapshot().stats().get(0);
    assertThat(report.minResponseTimeMillis()).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(report.minResponseTimeMillis())).isZero();
  }

  @Test
  void recordingAnExistingEntryAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String errorText = "'e'";
    for (int i = 0; i < 20_000; i++) { // create entries, slots, chunks, error counters
      recorder.record("/a", "GET", i % 5_000 * 0.37, 100);
      recorder.recordFailure("/a", "GET", 12.5, 0, errorText);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      recorder.record("/a", "GET", i % 5_000 * 0.37, 100);
      recorder.recordFailure("/a", "GET", 12.5, 0, errorText);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes for 200k calls").isLessThan(4_096);
  }
}
