package io.hatchery.stats.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LatencyCountsTest {

  @Test
  void indexMathMatchesHdrHistogramsBins() {
    Histogram reference = HistogramCodec.newHistogram();
    Random random = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      long value = (long) Math.pow(10, random.nextDouble() * 11);
      long ours = LatencyCounts.valueFromIndex(LatencyCounts.countsIndex(value));
      assertThat(ours)
          .as("lowest equivalent of %d", value)
          .isEqualTo(reference.lowestEquivalentValue(value));
    }
  }

  @Test
  void drainMovesEveryCountIntoTheSameBinsAsRecordValue() {
    LatencyCounts counts = new LatencyCounts();
    Histogram expected = HistogramCodec.newHistogram();
    Random random = new Random(5);
    for (int i = 0; i < 50_000; i++) {
      long micros = (long) (random.nextGaussian() * 20_000 + 60_000);
      counts.recordMicros(micros);
      expected.recordValue(Math.min(Math.max(micros, 0), LatencyCounts.MAX_TRACKABLE_MICROS));
    }
    counts.recordMicros(Long.MAX_VALUE);
    expected.recordValue(LatencyCounts.MAX_TRACKABLE_MICROS);
    assertThat(counts.totalCount()).isEqualTo(50_001);

    HistogramCounts drained = counts.drain();

    assertThat(drained.totalCount()).isEqualTo(50_001);
    assertThat(drained.toHistogram()).isEqualTo(expected);
    assertThat(HistogramCounts.of(expected)).isEqualTo(drained);
    assertThat(counts.totalCount()).isZero();
  }
}
