package io.hatchery.protocol.transport;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.ProtocolException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an {@link RpcServer} hands to the master: a decoded message, or a frame that did not decode.
 *
 * <p>Immutable and thread-safe. Both records are created on a transport's I/O thread and handed
 * over through a queue.
 */
public sealed interface RpcEvent {

  /**
   * A decoded message from the worker {@code nodeId}.
   *
   * <p>{@code nodeId} is the sender's ZeroMQ identity (ROUTER transports, inproc, in memory). The
   * legacy PUSH/PULL transport has no identities; there it is {@code message.nodeId()}, or {@code
   * ""} when the payload carries none. Locust masters 2.x look workers up by the payload's {@code
   * node_id} after registration, so the master should check the two agree (protocol.md §8.3).
   */
  record Received(String nodeId, Message message) implements RpcEvent {
    public Received {
      if (nodeId == null || message == null) {
        throw new NullPointerException("nodeId and message are required");
      }
    }
  }

  /**
   * A frame that could not be turned into a message: undecodable payload, or an identity that is
   * not a node id (not valid UTF-8, or a ZeroMQ auto-generated identity starting with byte 0).
   *
   * <p>A Locust 2.13.2+ master answers such a frame from a known worker with {@code reconnect};
   * {@link #nodeId()} says whether the sender can be addressed at all. {@code identity} is the
   * identity frame exactly as received (empty for PUSH/PULL); arrays are copied in and out.
   */
  record Malformed(byte[] identity, ProtocolException error) implements RpcEvent {
    public Malformed {
      if (identity == null || error == null) {
        throw new NullPointerException("identity and error are required");
      }
      identity = identity.clone();
    }

    @Override
    public byte[] identity() {
      return identity.clone();
    }

    /** The sender's node id, if the identity frame is one (so a reply can be addressed to it). */
    public Optional<String> nodeId() {
      return Identities.nodeId(identity);
    }

    /** The identity for log lines: the node id, or {@code 0x}-prefixed hex when it is not one. */
    public String identityForLog() {
      return nodeId().orElseGet(() -> "0x" + HexFormat.of().formatHex(identity));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Malformed that
          && Arrays.equals(identity, that.identity)
          && error.equals(that.error);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(identity) + error.hashCode();
    }

    @Override
    public String toString() {
      return "Malformed[identity=" + identityForLog() + ", error=" + error.getMessage() + "]";
    }
  }
}
