package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.stats.histogram.HistogramCodec;
import io.hatchery.stats.wire.StatsReportMaps;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RequestStatsMergeTest {

  private static final double T0 = 1_700_000_000.0;
  private final ManualClock clock = ManualClock.atEpochSeconds(T0);
  private final RequestStats master = new RequestStats(clock);

  @Test
  void histogramsFromEveryWorkerGiveExactMergedPercentiles() throws Exception {
    Histogram all = HistogramCodec.newHistogram();
    for (int worker = 0; worker < 3; worker++) {
      StatsRecorder recorder = new StatsRecorder(clock);
      for (int i = 0; i < 100; i++) {
        double millis = 101 + (i % 9) + worker * 0.25; // buckets only know 100 and 110
        recorder.record("/a", "GET", millis, 0);
        all.recordValue(Math.round(millis * 1000));
      }
      mergeViaWire(recorder.snapshot());
    }
    StatsEntry entry = master.find("/a", "GET").orElseThrow();

    assertThat(entry.hasExactPercentiles()).isTrue();
    assertThat(master.total().hasExactPercentiles()).isTrue();
    for (double p : Percentiles.TO_REPORT) {
      double exact = Math.min(all.getValueAtPercentile(p * 100) / 1000.0, 109.5);
      assertThat(entry.responseTimePercentile(p)).as("p%s", p).isEqualTo(exact);
      assertThat(master.total().responseTimePercentile(p)).isEqualTo(exact);
    }
    assertThat(entry.responseTimePercentile(0.5)).isBetween(104.9, 105.4);
    assertThat(entry.bucketResponseTimePercentile(0.5)).isEqualTo(110);
    assertThat(entry.responseTimePercentile(1.0)).as("clamped to max").isEqualTo(109.5);
    assertThat(entry.medianResponseTime()).isEqualTo(entry.responseTimePercentile(0.5));
  }

  @Test
  void oneContributorWithoutHistogramFallsBackToLocustsBuckets() throws Exception {
    StatsRecorder recorder = new StatsRecorder(clock);
    recorder.record("/a", "GET", 104, 0);
    mergeViaWire(recorder.snapshot());
    assertThat(master.find("/a", "GET").orElseThrow().hasExactPercentiles()).isTrue();

    recorder.record("/a", "GET", 106, 0);
    Map<String, Object> data = StatsReportMaps.toMap(recorder.snapshot());
    stripHistograms(data); // as a Python worker sends it
    master.merge(StatsReportMaps.fromMap(data, T0));

    StatsEntry entry = master.find("/a", "GET").orElseThrow();
    assertThat(entry.hasExactPercentiles()).isFalse();
    assertThat(entry.responseTimePercentile(0.5)).isEqualTo(110.0);
    assertThat(entry.medianResponseTime()).isEqualTo(entry.bucketMedianResponseTime());
  }

  @Test
  void idleContributorsWithoutHistogramKeepPercentilesExact() throws Exception {
    StatsRecorder recorder = new StatsRecorder(clock);
    recorder.record("/a", "GET", 104, 0);
    mergeViaWire(recorder.snapshot());
    mergeViaWire(new StatsRecorder(clock).snapshot()); // idle worker: empty total, no histogram
    assertThat(master.total().hasExactPercentiles()).isTrue();
  }

  @Test
  void hostileHistogramBytesFallBackWithoutFailingTheMerge() throws Exception {
    StatsRecorder recorder = new StatsRecorder(clock);
    recorder.record("/a", "GET", 104, 0);
    Map<String, Object> data = StatsReportMaps.toMap(recorder.snapshot());
    entries(data).get(0).put("hdr_histogram", new byte[] {0x1c, (byte) 0x84, (byte) 0x93, 0x14});

    master.merge(StatsReportMaps.fromMap(data, T0));

    StatsEntry entry = master.find("/a", "GET").orElseThrow();
    assertThat(entry.numRequests()).isEqualTo(1);
    assertThat(entry.hasExactPercentiles()).isFalse();
    assertThat(entry.responseTimePercentile(0.5)).isEqualTo(100.0);
  }

  @Test
  void errorsMergeByKeyKeepingTheFirstText() {
    master.merge(report(List.of(), Map.of("k", new StatsError("/a", "GET", "'x'", 2))));
    master.merge(report(List.of(), Map.of("k", new StatsError("/a", "GET", "other", 3))));
    master.merge(report(List.of(), Map.of("j", new StatsError("/b", "GET", "'y'", 1))));
    assertThat(master.errors())
        .containsExactly(
            Map.entry("k", new StatsError("/a", "GET", "'x'", 5)),
            Map.entry("j", new StatsError("/b", "GET", "'y'", 1)));
  }

  @Test
  void totalIsExtendedFromStatsTotalNotRecomputed() {
    EntryReport entry = entry("/a", 3, 10.0, T0 + 1);
    master.merge(new StatsReport(List.of(entry), entry("Total", 7, 4.0, T0 + 2), Map.of()));
    assertThat(master.total().numRequests()).isEqualTo(7);
    assertThat(master.total().minResponseTimeMillis()).hasValue(4.0);
    assertThat(master.total().name()).isEqualTo("Aggregated");
    assertThat(master.find("/a", "GET").orElseThrow().numRequests()).isEqualTo(3);
  }

  @Test
  void minimumAndLastRequestAreNilAware() {
    master.merge(report(List.of(entry("/a", 2, 10.0, T0 + 5)), Map.of()));
    master.merge(report(List.of(entry("/a", 0, null, null)), Map.of()));
    master.merge(report(List.of(entry("/a", 1, 20.0, T0 + 3)), Map.of()));
    StatsEntry a = master.find("/a", "GET").orElseThrow();
    assertThat(a.minResponseTimeMillis()).hasValue(10.0);
    assertThat(a.lastRequestEpochSeconds()).hasValue(T0 + 5);
    assertThat(a.maxResponseTimeMillis()).isEqualTo(20.0);
    assertThat(a.numRequests()).isEqualTo(3);
  }

  @Test
  void resetZeroesEntriesAndClearDropsThem() {
    master.merge(
        report(
            List.of(entry("/a", 2, 10.0, T0 + 5)),
            Map.of("k", new StatsError("/a", "GET", "e", 1))));
    clock.setEpochSeconds(T0 + 60);
    master.resetAll();
    StatsEntry a = master.find("/a", "GET").orElseThrow();
    assertThat(a.numRequests()).isZero();
    assertThat(a.startEpochSeconds()).isEqualTo(T0 + 60);
    assertThat(master.errors()).isEmpty();
    master.clearAll();
    assertThat(master.entries()).isEmpty();
    assertThat(master.total().method()).isEmpty();
  }

  private void mergeViaWire(StatsReport report) throws Exception {
    master.merge(StatsReportMaps.fromMap(StatsReportMaps.toMap(report), clock.millis() / 1000.0));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Map<String, Object> data) {
    return (List<Map<String, Object>>) data.get("stats");
  }

  @SuppressWarnings("unchecked")
  private static void stripHistograms(Map<String, Object> data) {
    entries(data).forEach(e -> e.remove("hdr_histogram"));
    ((Map<String, Object>) data.get("stats_total")).remove("hdr_histogram");
  }

  private static StatsReport report(List<EntryReport> stats, Map<String, StatsError> errors) {
    return new StatsReport(stats, entry("Aggregated", 0, null, null), errors);
  }

  private static EntryReport entry(String name, long n, Double millis, Double last) {
    LongCounts times = new LongCounts();
    LongCounts perSecond = new LongCounts();
    if (n > 0) {
      times.add(ResponseTimeBuckets.bucketOf(millis), n);
      perSecond.add((long) (double) last, n);
    }
    return new EntryReport(
        name,
        "GET",
        last,
        T0,
        n,
        0,
        0,
        n * (millis == null ? 0 : millis),
        millis == null ? 0 : millis,
        millis,
        0,
        times,
        perSecond,
        new LongCounts(),
        null);
  }
}
