package io.hatchery.it;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.RpcServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a real peer's messages off one of our master-side transports (ROUTER or the legacy
 * PUSH/PULL pair), keeping the type of everything it saw so a failed expectation can show the whole
 * conversation.
 *
 * <p>Not thread-safe: one test thread reads.
 */
public final class ProtocolPeer {
  private final RpcServer server;
  private final List<String> seen = new ArrayList<>();

  public ProtocolPeer(RpcServer server) {
    this.server = server;
  }

  /**
   * Returns the next message of {@code type}, skipping others (heartbeats, stats) that the caller
   * collects through {@code onSkipped}; fails at the deadline or on a malformed frame.
   */
  public RpcEvent.Received await(String type, Duration timeout, Skipped onSkipped)
      throws Exception {
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

  /** The types of every message received so far, in arrival order. */
  public List<String> seen() {
    return List.copyOf(seen);
  }

  /** What to do with a message that is not the one awaited. */
  @FunctionalInterface
  public interface Skipped {
    void accept(Message message) throws Exception;
  }
}
