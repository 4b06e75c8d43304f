package io.hatchery.cli.headless;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import java.util.Optional;

/**
 * Locust's headless keys ({@code input_listener} in locust/main.py): {@code w}/{@code W} add 1/10
 * users, {@code s}/{@code S} remove 1/10 (never below 0), at a spawn rate of 100/s; refused while
 * spawning. Other keys are ignored.
 */
public final class KeyboardControl {
  /** Locust's spawn rate for keyboard changes. */
  public static final double SPAWN_RATE = 100;

  private KeyboardControl() {}

  /**
   * Applies one key press.
   *
   * @return a warning to log when the key was refused, empty otherwise
   */
  public static Optional<String> press(char key, MasterControl master) {
    int delta =
        switch (key) {
          case 'w' -> 1;
          case 'W' -> 10;
          case 's' -> -1;
          case 'S' -> -10;
          default -> 0;
        };
    if (delta == 0) {
      return Optional.empty();
    }
    MasterSnapshot snapshot = master.snapshot();
    if (snapshot.state() == RunState.SPAWNING) {
      return Optional.of(
          delta > 0
              ? "Already spawning users, can't spawn more right now"
              : "Spawning users, can't stop right now");
    }
    int users = Math.max(0, snapshot.userCount() + delta);
    master.start(SwarmRequest.of(users, SPAWN_RATE));
    return Optional.empty();
  }
}
