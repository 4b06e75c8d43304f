package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.stats.histogram.HistogramCodec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResponseTimeBucketsTest {

  @ParameterizedTest
  @CsvSource({
    "12.5, 12",
    "13.5, 14",
    "0.5, 0",
    "1.5, 2",
    "2.675, 3",
    "99.5, 100",
    "145, 140",
    "155, 160",
    "145.00000000000003, 150",
    "144.99999999999997, 140",
    "999.5, 1000",
    "1050, 1000",
    "1150, 1200",
    "10500, 10000",
    "11500, 12000",
    "147, 150",
    "3432, 3400",
    "58760, 59000"
  })
  void roundsHalfToEvenLikePython(double millis, long bucket) {
    assertThat(ResponseTimeBuckets.bucketOf(millis)).isEqualTo(bucket);
  }

  @Test
  void everyFixtureValueLandsInPythonsBucket() {
    // rounding.tsv: float.hex(t), repr(t), and the key StatsEntry._log_response_time(t) created.
    List<String> lines = Fixtures.lines("rounding.tsv");
    assertThat(lines).hasSizeGreaterThan(3000);
    for (String line : lines) {
      String[] f = line.split("\t");
      double value = Double.parseDouble(f[0]);
      assertThat(Double.parseDouble(f[1])).as("repr of %s", f[0]).isEqualTo(value);
      assertThat(ResponseTimeBuckets.bucketOf(value))
          .as("bucket of %s", f[1])
          .isEqualTo(Long.parseLong(f[2]));
    }
  }

  @Test
  void denseIndexRoundTripsEveryCanonicalKey() {
    for (int i = 0; i < ResponseTimeBuckets.DENSE_SIZE; i++) {
      long bucket = ResponseTimeBuckets.bucketOfDenseIndex(i);
      assertThat(ResponseTimeBuckets.denseIndex(bucket)).isEqualTo(i);
    }
    assertThat(ResponseTimeBuckets.denseIndex(ResponseTimeBuckets.DENSE_LIMIT_MILLIS))
        .isEqualTo(-1);
    assertThat(ResponseTimeBuckets.denseIndex(123)).isEqualTo(-1);
    assertThat(ResponseTimeBuckets.denseIndex(-1)).isEqualTo(-1);
  }

  @Test
  void everyBucketOfARecordableTimeBelowTheLimitHasADenseIndex() {
    for (double t = 0; t < 99_499; t += 0.25) {
      assertThat(ResponseTimeBuckets.denseIndex(ResponseTimeBuckets.bucketOf(t))).isNotNegative();
    }
  }

  @Test
  void nonFiniteTimesAreRejected() {
    assertThatThrownBy(() -> ResponseTimeBuckets.bucketOf(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResponseTimeBuckets.bucketOf(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hugeTimesRoundExactly() {
    assertThat(ResponseTimeBuckets.bucketOf(1e17 + 512)).isEqualTo(100_000_000_000_001_000L);
  }

  @Test
  void histogramConvertsToTheBucketsOfItsValues() {
    // Whole microseconds below 2048 sit in 1 µs bins; above, the fixture values sit mid-bin.
    double[] millis = {0.4, 0.5, 1.5, 1.501, 2.0, 12.3, 12.7, 147.0, 152.0, 3432.0, 58760.0};
    Histogram histogram = HistogramCodec.newHistogram();
    LongCounts expected = new LongCounts();
    for (double m : millis) {
      histogram.recordValue(Math.round(m * 1000));
      expected.add(ResponseTimeBuckets.bucketOf(m), 1);
    }
    assertThat(ResponseTimeBuckets.fromHistogram(histogram)).isEqualTo(expected);
  }
}
