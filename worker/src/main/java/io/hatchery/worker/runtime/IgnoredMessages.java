package io.hatchery.worker.runtime;

import io.hatchery.protocol.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the worker drops without letting a chatty or broken master flood the log: each unused
 * message type and each custom type without a listener once, malformed frames at most once per
 * {@link #MALFORMED_LOG_INTERVAL} (with a count of the ones in between). Owned by the control
 * thread; not thread-safe.
 */
final class IgnoredMessages {
  static final Duration MALFORMED_LOG_INTERVAL = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(IgnoredMessages.class);

  private final Set<String> loggedTypes = new HashSet<>();
  private Instant lastMalformedLogAt;
  private long malformedSinceLog;
  private long malformedTotal;

  /** A Locust message type this worker has no use for (e.g. 2.29's spawning_complete). */
  void unused(String type) {
    if (loggedTypes.add(type)) {
      log.info("Ignoring '{}' messages from the master (not used by this worker)", type);
    }
  }

  /** A custom message type nobody registered a listener for. */
  void unlistened(String type) {
    if (loggedTypes.add(type)) {
      log.warn("Got custom message '{}' from the master, but no listener is registered", type);
    }
  }

  /** A frame from the master that did not decode, or a payload with the wrong shape. */
  void malformed(Instant now, ProtocolException error) {
    malformedTotal++;
    malformedSinceLog++;
    if (lastMalformedLogAt == null
        || !now.isBefore(lastMalformedLogAt.plus(MALFORMED_LOG_INTERVAL))) {
      log.warn(
          "Dropped {} malformed message(s) from the master; latest: {}",
          malformedSinceLog,
          error.getMessage());
      lastMalformedLogAt = now;
      malformedSinceLog = 0;
    }
  }

  /** Malformed messages seen since the start. */
  long malformedTotal() {
    return malformedTotal;
  }
}
