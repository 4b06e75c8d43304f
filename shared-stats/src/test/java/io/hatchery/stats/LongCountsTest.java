package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LongCountsTest {

  @Test
  void behavesLikeAHashMapOfSums() {
    Random random = new Random(7);
    LongCounts counts = new LongCounts();
    Map<Long, Long> reference = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long key = random.nextInt(3000) - 100L;
      long delta = random.nextInt(5);
      counts.add(key, delta);
      reference.merge(key, delta, Long::sum);
    }
    assertThat(counts.size()).isEqualTo(reference.size());
    reference.forEach((k, v) -> assertThat(counts.get(k)).isEqualTo(v));
    assertThat(counts.sum())
        .isEqualTo(reference.values().stream().mapToLong(Long::longValue).sum());
    assertThat(counts.sortedKeys()).isSorted().hasSize(reference.size());
  }

  @Test
  void keepsKeysAddedWithZero() {
    LongCounts counts = new LongCounts();
    counts.add(150, 0);
    assertThat(counts.containsKey(150)).isTrue();
    assertThat(counts.size()).isEqualTo(1);
  }

  @Test
  void minusKeepsOnlyNonZeroDifferences() {
    LongCounts now = PercentilesTest.counts(1, 5, 2, 3, 4, 1);
    LongCounts old = PercentilesTest.counts(1, 5, 2, 1, 9, 9);
    assertThat(now.minus(old)).isEqualTo(PercentilesTest.counts(2, 2, 4, 1));
  }

  @Test
  void copyIsIndependent() {
    LongCounts counts = PercentilesTest.counts(1, 1);
    LongCounts copy = counts.copy();
    counts.add(1, 1);
    assertThat(copy.get(1)).isEqualTo(1);
    assertThat(counts.get(1)).isEqualTo(2);
  }
}
