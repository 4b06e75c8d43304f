package io.hatchery.protocol.msgpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MsgpackMap} behaves as a {@link LinkedHashMap}, below and above its linear size. */
@Timeout(30)
class MsgpackMapTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 3, MsgpackMap.LINEAR_MAX, MsgpackMap.LINEAR_MAX + 1, 200, 50_000})
  void randomOperationsMatchLinkedHashMap(int initialCapacity) {
    Random random = new Random(initialCapacity);
    MsgpackMap map = new MsgpackMap(initialCapacity);
    Map<Object, Object> expected = new LinkedHashMap<>();
    for (int step = 0; step < 20_000; step++) {
      Object key = randomKey(random);
      switch (random.nextInt(6)) {
        case 0, 1, 2 -> assertThat(map.put(key, step)).isEqualTo(expected.put(key, step));
        case 3 -> assertThat(map.remove(key)).isEqualTo(expected.remove(key));
        case 4 -> assertThat(map.get(key)).isEqualTo(expected.get(key));
        default -> assertThat(map.containsKey(key)).isEqualTo(expected.containsKey(key));
      }
      if (step % 997 == 0) {
        assertSameOrder(map, expected);
      }
      if (step % 7_919 == 0) {
        map.clear();
        expected.clear();
      }
    }
    assertSameOrder(map, expected);
  }

  /** Few distinct keys of mixed types, so puts replace and removes hit; Long 1 and Double 1.0. */
  private static Object randomKey(Random random) {
    int n = random.nextInt(60);
    return switch (n % 5) {
      case 0 -> (long) n;
      case 1 -> (double) n;
      case 2 -> "k" + n;
      case 3 -> n == 3 ? null : (long) -n;
      default -> List.of(n);
    };
  }

  private static void assertSameOrder(MsgpackMap map, Map<Object, Object> expected) {
    assertThat(new ArrayList<>(map.entrySet())).containsExactlyElementsOf(expected.entrySet());
    List<Object> keys = new ArrayList<>();
    map.forEach((k, v) -> keys.add(k));
    assertThat(keys).containsExactlyElementsOf(expected.keySet());
    assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(expected.size());
    assertThat(map.toString()).isEqualTo(expected.toString());
  }

  @Test
  void putOfAPresentKeyKeepsItsPlace() {
    MsgpackMap map = new MsgpackMap(2);
    map.put("a", 1L);
    map.put("b", 2L);
    map.put("a", 3L);

    assertThat(map).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
  }

  @Test
  void decodedDuplicateKeyKeepsItsFirstPlaceAndLastValueAtEverySize() throws Exception {
    for (int keys : new int[] {3, 40}) {
      StringBuilder wire = new StringBuilder(String.format("de%04x", keys + 1));
      for (int k = 0; k < keys; k++) {
        wire.append(String.format("%02x%02x", k, k));
      }
      wire.append("0063");
      Map<Object, Object> expected = new LinkedHashMap<>();
      for (long k = 0; k < keys; k++) {
        expected.put(k, k == 0 ? 0x63L : k);
      }

      Object decoded = MsgpackValues.decode(MsgpackValues.hex(wire.toString()));

      assertThat(decoded).isInstanceOf(MsgpackMap.class);
      assertThat(new ArrayList<>(((MsgpackMap) decoded).entrySet()))
          .containsExactlyElementsOf(expected.entrySet());
    }
  }

  @Test
  void iteratorRemoveAndSetValueWriteThrough() {
    for (int size : new int[] {5, 40}) {
      MsgpackMap map = new MsgpackMap(0);
      for (long i = 0; i < size; i++) {
        map.put(i, i);
      }
      Iterator<Map.Entry<Object, Object>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<Object, Object> entry = it.next();
        if ((Long) entry.getKey() % 2 == 0) {
          it.remove();
        } else {
          entry.setValue(-1L);
        }
      }

      assertThat(map).hasSize(size / 2).allSatisfy((k, v) -> assertThat(v).isEqualTo(-1L));
      assertThat(map.keySet()).first().isEqualTo(1L);
    }
  }

  @Test
  void iteratorFailsFastOnConcurrentModification() {
    MsgpackMap map = new MsgpackMap(0);
    map.put("a", 1L);
    map.put("b", 2L);
    Iterator<Object> keys = map.keySet().iterator();
    keys.next();
    map.put("c", 3L);

    assertThatThrownBy(keys::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void seventeenthDecodedKeyWithOneHashCodeIsRefused() {
    MsgpackMap map = new MsgpackMap(40);
    // Long x | x << 32 hashes to 0 for every x.
    for (long x = 1; x <= MsgpackMap.MAX_KEYS_PER_HASH; x++) {
      assertThat(map.putDecoded(x | x << 32, null)).isTrue();
    }
    long seventeenth = 17 | 17L << 32;

    assertThat(map.putDecoded(1 | 1L << 32, "again")).as("a present key").isTrue();
    assertThat(map.putDecoded(seventeenth, null)).isFalse();
    assertThat(map).hasSize(MsgpackMap.MAX_KEYS_PER_HASH).doesNotContainKey(seventeenth);
    assertThat(map.putDecoded(5L, null)).as("another hash code").isTrue();
  }
}
