package io.hatchery.worker.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code client_ready} / {@code ack} handshake's timer: while an ack is awaited, an attempt is
 * due every connect timeout, and after the last allowed attempt has timed out the handshake is
 * exhausted. Mirrors {@code WorkerRunner.connect_to_master} (5 s &times; 60 tries). Owned by the
 * control thread; not thread-safe.
 */
final class Registration {
  private final Duration connectTimeout;
  private boolean awaitingAck;
  private Instant nextAttemptAt;
  private int attempts;
  private int maxAttempts;

  Registration(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** Starts (or restarts) waiting for an ack; the first attempt is due at {@code now}. */
  void begin(Instant now, int maxAttempts) {
    this.awaitingAck = true;
    this.nextAttemptAt = now;
    this.attempts = 0;
    this.maxAttempts = maxAttempts;
  }

  boolean awaitingAck() {
    return awaitingAck;
  }

  /** Whether a {@code client_ready} should be sent now. */
  boolean attemptDue(Instant now) {
    return awaitingAck && attempts < maxAttempts && !now.isBefore(nextAttemptAt);
  }

  /** Records that a {@code client_ready} was sent at {@code now}. */
  void attempted(Instant now) {
    attempts++;
    nextAttemptAt = now.plus(connectTimeout);
  }

  /** Whether every allowed attempt went unanswered for a whole connect timeout. */
  boolean exhausted(Instant now) {
    return awaitingAck && attempts >= maxAttempts && !now.isBefore(nextAttemptAt);
  }

  void acknowledged() {
    awaitingAck = false;
  }

  /** When this timer next needs the control thread, or {@code null}. */
  Instant deadline() {
    return awaitingAck ? nextAttemptAt : null;
  }
}
