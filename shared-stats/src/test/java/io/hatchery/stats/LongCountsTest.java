package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  @Test
  void everyOperationAgreesWithAnInsertionOrderedMapAtEverySize() {
    Random random = new Random(11);
    // Sizes around the scan limit and the growth points of the keys and of the index.
    for (int keys :
        new int[] {0, 1, LongCounts.SCAN_LIMIT, LongCounts.SCAN_LIMIT + 1, 16, 17, 300}) {
      LongCounts counts = random.nextBoolean() ? new LongCounts() : LongCounts.withExpectedKeys(5);
      Map<Long, Long> reference = new LinkedHashMap<>();
      for (int i = 0; i < keys * 3; i++) {
        long key = random.nextInt(keys) * 1_000_003L - 7;
        long delta = random.nextInt(4);
        counts.add(key, delta);
        reference.merge(key, delta, Long::sum);
        // Lookups in between build the index early; additions after it must keep it right.
        assertThat(counts.get(key)).isEqualTo(reference.get(key));
      }
      assertThat(visited(counts)).as("%d keys", keys).isEqualTo(entries(reference));
      assertThat(counts.containsKey(Long.MIN_VALUE)).isFalse();
      LongCounts copy = counts.copy();
      counts.add(42, 1);
      assertThat(visited(copy)).isEqualTo(entries(reference));
      assertThat(counts.get(42)).isEqualTo(reference.getOrDefault(42L, 0L) + 1);
      counts.clear();
      assertThat(counts.isEmpty()).isTrue();
      assertThat(counts.get(42)).isZero();
      counts.add(42, 2);
      assertThat(visited(counts)).containsExactly(Map.entry(42L, 2L));
    }
  }

  @Test
  void addAllSumsLikeAnInsertionOrderedMapWhetherKeysAreKnownOrNew() {
    Random random = new Random(5);
    // Merges as the master makes them: mostly keys the total already has, with new ones among
    // them (first, in the middle, last), into totals below and above the scan limit, some of
    // which grow and drop their index during the merge.
    for (int round = 0; round < 400; round++) {
      LongCounts total = new LongCounts();
      Map<Long, Long> reference = new LinkedHashMap<>();
      int known = random.nextInt(40);
      for (int i = 0; i < known; i++) {
        long key = random.nextInt(60);
        total.add(key, 1);
        reference.merge(key, 1L, Long::sum);
      }
      if (random.nextBoolean()) {
        total.containsKey(-1); // the index exists before the merge, or not
      }
      LongCounts.Builder report = new LongCounts.Builder();
      report.reset();
      Map<Long, Long> reportReference = new LinkedHashMap<>();
      for (int i = random.nextInt(70); i > 0; i--) {
        long key = random.nextInt(90);
        long count = random.nextInt(3);
        if (report.put(key, count)) {
          reportReference.put(key, count);
        }
      }
      total.addAll(report.build());
      reportReference.forEach((k, v) -> reference.merge(k, v, Long::sum));
      assertThat(visited(total)).as("round %d", round).isEqualTo(entries(reference));
      reference.forEach((k, v) -> assertThat(total.get(k)).isEqualTo(v));
    }
  }

  @Test
  void aBuilderRejectsDuplicatesAndLeavesExactlyItsPairs() {
    LongCounts.Builder builder = new LongCounts.Builder();
    Random random = new Random(3);
    for (int map = 0; map < 200; map++) {
      builder.reset();
      Map<Long, Long> reference = new LinkedHashMap<>();
      int pairs = random.nextInt(map % 10 == 0 ? 500 : 60);
      for (int i = 0; i < pairs; i++) {
        long key = keyAround(random, random.nextInt(pairs * 2 + 1));
        long count = random.nextInt(1000);
        boolean fresh = !reference.containsKey(key);
        assertThat(builder.put(key, count)).isEqualTo(fresh);
        reference.putIfAbsent(key, count);
      }
      LongCounts built = builder.build();
      assertThat(visited(built)).isEqualTo(entries(reference));
      reference.forEach((k, v) -> assertThat(built.get(k)).isEqualTo(v));
      built.add(Long.MIN_VALUE, 5); // a built map grows like any other
      assertThat(built.get(Long.MIN_VALUE)).isEqualTo(5);
    }
  }

  /**
   * {@code seed} as a key in one of the builder's two ranges or on their border: small (the
   * bitset), around {@link LongCounts.Builder#SMALL_KEYS}, negative, or an epoch second (the
   * table).
   */
  private static long keyAround(Random random, int seed) {
    return switch (random.nextInt(4)) {
      case 0 -> seed;
      case 1 -> LongCounts.Builder.SMALL_KEYS - 8 + seed % 16;
      case 2 -> -1 - seed;
      default -> 1_700_000_000L + seed;
    };
  }

  /** The pairs in the order {@link LongCounts#forEach} visits them. */
  private static List<Map.Entry<Long, Long>> visited(LongCounts counts) {
    List<Map.Entry<Long, Long>> pairs = new ArrayList<>();
    counts.forEach((key, count) -> pairs.add(Map.entry(key, count)));
    return pairs;
  }

  private static List<Map.Entry<Long, Long>> entries(Map<Long, Long> map) {
    return List.copyOf(map.entrySet());
  }

  @Test
  void keysChosenToCollideStayCheap() {
    // Spaced 2^44 apart, these keys shared the low 12 bits of the old multiplicative hash, so every
    // key probed one ever longer run (134 million probes for these 2^18 keys). The other spacings
    // were the worst found for Fibonacci hashing without the fold of the high half.
    for (int spacingBits : new int[] {44, 16, 13, 32}) {
      int keys = 1 << 18;
      LongCounts.Builder builder = new LongCounts.Builder();
      builder.reset();
      LongCounts aggregate = new LongCounts();
      for (long i = 0; i < keys; i++) {
        assertThat(builder.put(i << spacingBits, 1)).isTrue();
        aggregate.add(i << spacingBits, 1);
      }
      LongCounts built = builder.build();
      assertThat(built.size()).isEqualTo(keys);
      assertThat(built.get(5L << spacingBits)).isEqualTo(1);
      // Random keys sit ~0.5 slots from home at this load, these ~5; the old hash's ~500, and
      // Fibonacci hashing without the fold ~17 at 2^16 apart.
      assertThat(LongCounts.meanDisplacement(aggregate))
          .as("2^%d apart", spacingBits)
          .isLessThan(10.0);
    }
  }
}
