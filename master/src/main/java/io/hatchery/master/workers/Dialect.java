package io.hatchery.master.workers;

/**
 * The protocol generation a worker speaks, as the master learned it (protocol.md §0).
 *
 * <p>A worker that announced a version (or -1) in {@code client_ready} speaks {@link #G2}. A nil
 * {@code client_ready} over ROUTER/DEALER means Locust 0.10&ndash;1.6: such a worker starts as
 * {@link #G1_UNKNOWN} and receives both {@code spawn} and {@code hatch} until its first reply
 * ({@code spawning} or {@code hatching}) shows whether it is {@link #G1B} or {@link #G1}. Workers
 * behind the PUSH/PULL transport are {@link #G0}.
 */
public enum Dialect {
  /** Locust 2.x, Boomer, Locust4j 2.x: per-class absolute targets, master-driven ramp. */
  G2("G2"),
  /** Pre-2.0 worker whose start message is not known yet: gets both spawn and hatch. */
  G1_UNKNOWN("G1?"),
  /** Locust 0.10&ndash;1.1, Locust4j 1.0.5&ndash;1.0.11: {@code hatch}. */
  G1("G1"),
  /**
   * Locust 1.2&ndash;1.6, Boomer v1.6.0, Locust4j 1.0.12&ndash;1.0.14: rate-based {@code spawn}.
   */
  G1B("G1b"),
  /** Locust 0.9 and older, Locust4j 1.0.0&ndash;1.0.4: PUSH/PULL, {@code hatch}, no heartbeats. */
  G0("G0");

  private final String label;

  Dialect(String label) {
    this.label = label;
  }

  /** The short name shown in {@code WorkerView.dialect}, e.g. {@code "G1b"}. */
  public String label() {
    return label;
  }

  /** Whether the master splits users itself per worker (Locust 1.x style) rather than per class. */
  public boolean isLegacy() {
    return this != G2;
  }

  /** Whether workers of this dialect send heartbeats, so liveness applies (not G0). */
  public boolean sendsHeartbeats() {
    return this != G0;
  }
}
