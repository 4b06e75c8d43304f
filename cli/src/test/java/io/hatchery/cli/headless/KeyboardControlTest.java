package io.hatchery.cli.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KeyboardControlTest {
  private final FakeMasterControl master =
      new FakeMasterControl(new ManualClock(Instant.parse("2026-11-22T03:00:00Z")));

  @Test
  void keysChangeTheUserCountAtOneHundredPerSecond() {
    master.start(SwarmRequest.of(5, 1));
    KeyboardControl.press('w', master);
    assertThat(master.userCount).isEqualTo(6);
    KeyboardControl.press('W', master);
    assertThat(master.userCount).isEqualTo(16);
    KeyboardControl.press('s', master);
    assertThat(master.userCount).isEqualTo(15);
    KeyboardControl.press('S', master);
    assertThat(master.userCount).isEqualTo(5);
    KeyboardControl.press('S', master);
    assertThat(master.userCount).isZero();
    assertThat(master.starts.get(master.starts.size() - 1).spawnRatePerSecond()).isEqualTo(100);
  }

  @Test
  void keysAreRefusedWhileSpawningAndOtherKeysIgnored() {
    master.start(SwarmRequest.of(5, 1));
    master.state = RunState.SPAWNING;
    assertThat(KeyboardControl.press('w', master))
        .contains("Already spawning users, can't spawn more right now");
    assertThat(KeyboardControl.press('s', master)).contains("Spawning users, can't stop right now");
    master.state = RunState.RUNNING;
    assertThat(KeyboardControl.press('x', master)).isEmpty();
    assertThat(master.starts).hasSize(1);
  }
}
