package io.hatchery.master.control;

/**
 * The state of a master's run, with the spelling Locust's web API reports under {@code "state"}.
 */
public enum RunState {
  READY("ready"),
  SPAWNING("spawning"),
  RUNNING("running"),
  STOPPING("stopping"),
  STOPPED("stopped");

  private final String wire;

  RunState(String wire) {
    this.wire = wire;
  }

  /** The lowercase spelling used by Locust's {@code /stats/requests}. */
  public String wire() {
    return wire;
  }
}
