package io.hatchery.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class LegacySpawnShareTest {

  @Test
  void remainderGoesOneEachToTheFirstWorkers() {
    assertThat(LegacySpawnShare.split(10, 3.0, 4))
        .containsExactly(
            new LegacySpawnShare(3, 0.75),
            new LegacySpawnShare(3, 0.75),
            new LegacySpawnShare(2, 0.75),
            new LegacySpawnShare(2, 0.75));
  }

  @Test
  void fewerUsersThanWorkersLeavesTheLastWorkersEmpty() {
    assertThat(LegacySpawnShare.split(2, 5, 3))
        .extracting(LegacySpawnShare::userCount)
        .containsExactly(1L, 1L, 0L);
  }

  @Test
  void oneWorkerGetsEverything() {
    assertThat(LegacySpawnShare.split(7, 2.5, 1)).containsExactly(new LegacySpawnShare(7, 2.5));
  }

  @Test
  void noWorkersIsRejected() {
    assertThatThrownBy(() -> LegacySpawnShare.split(7, 2.5, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
