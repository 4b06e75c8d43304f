package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PercentilesTest {

  @Test
  void readableTitlesMatchLocustsColumns() {
    // get_readable_percentiles(PERCENTILES_TO_REPORT) in Locust 2.12.1.
    assertThat(Percentiles.TO_REPORT.stream().map(Percentiles::readable))
        .containsExactly(
            "50%", "66%", "75%", "80%", "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%");
  }

  @Test
  void percentileWalksFromTheTop() {
    LongCounts buckets = counts(1, 5, 2, 3, 10, 2);
    // N=10: p50 -> target 5; from the top 10:2 (8 left), 2:3 (5 left <= 5) -> 2
    assertThat(Percentiles.fromBuckets(buckets, 10, 0.5)).isEqualTo(2);
    assertThat(Percentiles.fromBuckets(buckets, 10, 1.0)).isEqualTo(10);
    assertThat(Percentiles.fromBuckets(buckets, 10, 0.0)).isEqualTo(1);
    assertThat(Percentiles.fromBuckets(new LongCounts(), 0, 0.5)).isZero();
  }

  @Test
  void zeroCountKeysTakePartInTheWalkAsInPython() {
    LongCounts buckets = counts(1, 5, 50, 0);
    assertThat(Percentiles.fromBuckets(buckets, 5, 1.0)).isEqualTo(50);
  }

  @Test
  void medianWalksAscendingAndFallsBackToTheLastBucket() {
    assertThat(Percentiles.medianBucket(counts(1, 1, 2, 1, 3, 1), 3)).isEqualTo(2);
    assertThat(Percentiles.medianBucket(counts(1, 2, 2, 2), 4)).isEqualTo(1);
    assertThat(Percentiles.medianBucket(counts(1, 1, 2, 1), 10)).isEqualTo(2);
    assertThat(Percentiles.medianBucket(new LongCounts(), 0)).isZero();
  }

  static LongCounts counts(long... keyCountPairs) {
    LongCounts counts = new LongCounts();
    for (int i = 0; i < keyCountPairs.length; i += 2) {
      counts.add(keyCountPairs[i], keyCountPairs[i + 1]);
    }
    return counts;
  }
}
