package io.hatchery.it;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.RpcServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a real peer's messages off our ROUTER transport, keeping everything it skipped so a failed
 * expectation can show the whole conversation.
 */
final class ProtocolPeer {
  private final RpcServer server;
  private final List<String> seen = new ArrayList<>();

  ProtocolPeer(RpcServer server) {
    this.server = server;
  }

  /**
   * Returns the next message of {@code type}, skipping others (heartbeats, stats) that the caller
   * collects through {@code onSkipped}; fails at the deadline or on a malformed frame.
   */
  RpcEvent.Received await(String type, Duration timeout, Skipped onSkipped) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      RpcEvent event = server.receive(Duration.between(Instant.now(), deadline));
      if (event instanceof RpcEvent.Malformed malformed) {
        throw new AssertionError(
            "malformed frame from " + malformed.identityForLog(), malformed.error());
      }
      if (event instanceof RpcEvent.Received received) {
        seen.add(received.message().type());
        if (received.message().type().equals(type)) {
          return received;
        }
        onSkipped.accept(received.message());
      }
    }
    throw new AssertionError("no " + type + " within " + timeout + "; saw " + seen);
  }

  /** What to do with a message that is not the one awaited. */
  @FunctionalInterface
  interface Skipped {
    void accept(Message message) throws Exception;
  }
}
