package io.hatchery.protocol.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyHashCounterTest {
  @Test
  void equalHashCodesAreCountedTogether() {
    KeyHashCounter counter = new KeyHashCounter(40);
    for (int i = 1; i <= 20; i++) {
      assertThat(counter.increment(7)).isEqualTo(i);
    }
  }

  @Test
  void distinctHashCodesAreCountedApartEvenWhenTheTableIsHalfFull() {
    KeyHashCounter counter = new KeyHashCounter(1000);
    for (int hash = 0; hash < 1000; hash++) {
      assertThat(counter.increment(hash * 1024)).isEqualTo(1);
    }
    assertThat(counter.increment(0)).isEqualTo(2);
    assertThat(counter.increment(999 * 1024)).isEqualTo(2);
  }

  @Test
  void countsSaturateInsteadOfWrapping() {
    KeyHashCounter counter = new KeyHashCounter(1);
    int last = 0;
    for (int i = 0; i < 300; i++) {
      last = counter.increment(-1);
    }
    assertThat(last).isEqualTo(Byte.MAX_VALUE);
  }
}
