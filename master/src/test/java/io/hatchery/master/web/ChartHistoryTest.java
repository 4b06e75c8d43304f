package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChartHistoryTest {

  private static HistoryPoint point(int sample) {
    return new HistoryPoint(Instant.ofEpochSecond(sample), sample, sample, 0, 1, 2);
  }

  @Test
  void keepsEverySampleUntilFull() {
    ChartHistory history = new ChartHistory(8);
    for (int i = 0; i < 8; i++) {
      history.add(point(i));
    }
    assertThat(history.points())
        .extracting(HistoryPoint::userCount)
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(history.stride()).isEqualTo(1);
  }

  @Test
  void neverHoldsMoreThanCapacityAndSpansTheWholeRun() {
    ChartHistory history = new ChartHistory(8);
    for (int i = 0; i < 1000; i++) {
      history.add(point(i));
      assertThat(history.points().size()).isLessThanOrEqualTo(8);
    }
    List<HistoryPoint> points = history.points();
    assertThat(points.get(0).userCount()).isZero();
    assertThat(points.get(points.size() - 1).userCount())
        .isGreaterThan(1000 - 2 * (int) history.stride());
    for (HistoryPoint p : points) {
      assertThat(p.userCount() % history.stride()).isZero();
    }
  }

  @Test
  void thinningKeepsEvenlySpacedSamples() {
    ChartHistory history = new ChartHistory(4);
    for (int i = 0; i < 6; i++) {
      history.add(point(i));
    }
    assertThat(history.points()).extracting(HistoryPoint::userCount).containsExactly(0, 2, 4);
    assertThat(history.stride()).isEqualTo(2);
  }

  @Test
  void clearForgetsPointsAndStride() {
    ChartHistory history = new ChartHistory(2);
    for (int i = 0; i < 10; i++) {
      history.add(point(i));
    }
    history.clear();
    history.add(point(42));
    assertThat(history.points()).extracting(HistoryPoint::userCount).containsExactly(42);
    assertThat(history.stride()).isEqualTo(1);
  }
}
