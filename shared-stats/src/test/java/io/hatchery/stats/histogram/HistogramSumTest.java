package io.hatchery.stats.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistogramSumTest {

  @Test
  void percentilesEqualOneHistogramOfEveryValueWhileAddsAndReadsInterleave() {
    Histogram reference = HistogramCodec.newHistogram();
    HistogramSum sum = new HistogramSum();
    Random random = new Random(7);
    for (int report = 0; report < 50; report++) {
      Histogram interval = HistogramCodec.newHistogram();
      for (int i = 0; i < 200; i++) {
        long micros = (long) Math.exp(random.nextGaussian() * 1.5 + 10);
        interval.recordValue(Math.min(micros, LatencyCounts.MAX_TRACKABLE_MICROS));
      }
      reference.add(interval);
      sum.add(HistogramCounts.of(interval));
      if (report % 7 == 0) {
        assertThat(sum.valueAtPercentile(99)).isEqualTo(reference.getValueAtPercentile(99));
      }
    }
    assertThat(sum.totalCount()).isEqualTo(reference.getTotalCount());
    for (double percentile : new double[] {0, 1, 50, 90, 99, 99.9, 100}) {
      assertThat(sum.valueAtPercentile(percentile))
          .as("p%s", percentile)
          .isEqualTo(reference.getValueAtPercentile(percentile));
    }
    assertThat(sum.counts()).isEqualTo(HistogramCounts.of(reference));
  }

  @Test
  void theLowestAndHighestAcceptedBinsAreSummed() {
    Histogram reference = HistogramCodec.newHistogram();
    reference.recordValueWithCount(0, 3);
    reference.recordValueWithCount(LatencyCounts.MAX_TRACKABLE_MICROS, 2);
    HistogramSum sum = new HistogramSum();
    sum.add(HistogramCounts.of(reference));
    sum.add(HistogramCounts.of(reference));
    assertThat(sum.totalCount()).isEqualTo(10);
    assertThat(sum.valueAtPercentile(100)).isEqualTo(reference.getValueAtPercentile(100));
    assertThat(sum.valueAtPercentile(50)).isEqualTo(0);
  }

  @Test
  void valuesBeyondTheDecodersBoundStillCount() {
    Histogram reference = HistogramCodec.newHistogram();
    reference.recordValueWithCount(1L << 45, 4);
    reference.recordValueWithCount(1_000, 6);
    HistogramSum sum = new HistogramSum();
    sum.add(HistogramCounts.of(reference));
    assertThat(sum.totalCount()).isEqualTo(10);
    assertThat(sum.valueAtPercentile(100)).isEqualTo(reference.getValueAtPercentile(100));
    assertThat(sum.counts()).isEqualTo(HistogramCounts.of(reference));
  }

  @Test
  void anEmptySumHasNoValues() {
    HistogramSum sum = new HistogramSum();
    assertThat(sum.totalCount()).isZero();
    assertThat(sum.counts()).isEqualTo(HistogramCounts.empty());
  }

  @Test
  void aCopyReadByManyThreadsAtOnceGivesEveryoneTheSameFigures() throws Exception {
    Histogram reference = HistogramCodec.newHistogram();
    Random random = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      reference.recordValue(1 + random.nextInt(2_000_000));
    }
    HistogramSum sum = new HistogramSum();
    sum.add(HistogramCounts.of(reference));
    HistogramSum copy = sum.copy();
    sum.add(HistogramCounts.of(reference));

    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var readings = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
      for (int reader = 0; reader < 16; reader++) {
        readings.add(pool.submit(() -> copy.valueAtPercentile(95) + copy.totalCount()));
      }
      for (var reading : readings) {
        assertThat(reading.get())
            .isEqualTo(reference.getValueAtPercentile(95) + reference.getTotalCount());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(copy.counts()).isEqualTo(HistogramCounts.of(reference));
  }
}
