package io.hatchery.protocol.payload;

import java.util.Optional;

/**
 * A worker's state as it travels in heartbeats ({@code "state"}) and as the master records worker
 * nodes, with Locust's exact lowercase spelling.
 *
 * <p>Mirrors the {@code STATE_*} constants of {@code locust/runners.py}. Python workers report
 * {@link #READY}, {@link #SPAWNING} ({@link #HATCHING} before 1.2) and {@link #RUNNING}; Boomer and
 * Locust4j also report {@link #STOPPED}; {@link #MISSING} is the master's mark for a silent node;
 * {@link #CLEANUP} and {@link #STOPPING} are runner states that Locust defines alongside.
 */
public enum WorkerState {
  READY("ready"),
  HATCHING("hatching"),
  SPAWNING("spawning"),
  RUNNING("running"),
  CLEANUP("cleanup"),
  STOPPING("stopping"),
  STOPPED("stopped"),
  MISSING("missing");

  private static final WorkerState[] ALL = values();

  private final String wire;
  private final Optional<WorkerState> found;

  WorkerState(String wire) {
    this.wire = wire;
    this.found = Optional.of(this);
  }

  /** Returns the spelling on the wire, e.g. {@code "ready"}. */
  public String wire() {
    return wire;
  }

  /**
   * Returns the state spelled {@code wire}, or empty if Locust never used that spelling. Allocates
   * nothing: it runs for every heartbeat.
   */
  public static Optional<WorkerState> fromWire(String wire) {
    for (WorkerState state : ALL) {
      if (state.wire.equals(wire)) {
        return state.found;
      }
    }
    return Optional.empty();
  }
}
