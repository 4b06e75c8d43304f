package io.hatchery.protocol.transport;

import org.slf4j.Logger;

/**
 * Warnings about what peers do (a broken handshake, an oversized frame), at most one per second: a
 * hostile or broken peer that reconnects in a loop must not flood the log. Suppressed lines go to
 * debug and are counted in the next warning.
 *
 * <p>Not thread-safe: owned by one transport's I/O thread.
 */
final class ProtocolLog {
  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private final Logger log;
  private final String owner;
  private long lastWarningNanos = System.nanoTime() - INTERVAL_NANOS;
  private long suppressed;

  ProtocolLog(Logger log, String owner) {
    this.log = log;
    this.owner = owner;
  }

  void warn(String message) {
    long now = System.nanoTime();
    if (now - lastWarningNanos < INTERVAL_NANOS) {
      suppressed++;
      log.debug("{}: {}", owner, message);
      return;
    }
    lastWarningNanos = now;
    if (suppressed > 0) {
      log.warn("{}: {} ({} similar warnings in the last second)", owner, message, suppressed);
      suppressed = 0;
    } else {
      log.warn("{}: {}", owner, message);
    }
  }
}
