package io.hatchery.protocol.transport;

import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.Socket;

/**
 * Turns messages into payload frames, and inbound ZeroMQ messages into {@link RpcEvent}s, for one
 * transport within its {@link DecodeLimits}.
 *
 * <p>Inbound messages come in two layouts: {@code [payload]} (DEALER, PULL) and {@code [identity,
 * payload]} (ROUTER). Frames after the payload are skipped, as Locust ignores them. Nothing a peer
 * sends escapes as an exception: an undecodable payload, a decoder that throws anything but {@link
 * ProtocolException}, or an identity that is not a node id becomes an {@link RpcEvent.Malformed}.
 *
 * <p>Thread-safety: {@link #encode} may be called from any thread (callers encode on their own
 * thread); the read methods belong to the I/O thread that owns the socket they are given.
 */
final class FrameCodec {
  /** The identity of a malformed single-frame message: those layouts carry none. */
  private static final byte[] NO_IDENTITY = new byte[0];

  private static final Logger log = LoggerFactory.getLogger(FrameCodec.class);

  private final String owner;
  private final DecodeLimits limits;
  private final Map<String, DataReader> readers;

  /**
   * @param owner names the transport in log lines (its I/O thread's name)
   */
  FrameCodec(String owner, DecodeLimits limits) {
    this(owner, limits, Map.of());
  }

  /**
   * @param readers typed readers of the data of some message types (see {@link DataReader})
   */
  FrameCodec(String owner, DecodeLimits limits, Map<String, DataReader> readers) {
    this.owner = owner;
    this.limits = limits;
    this.readers = Map.copyOf(readers);
  }

  /** Encodes {@code message}, rejecting a frame no peer of ours would accept. */
  byte[] encode(Message message) {
    byte[] frame = MessageCodec.encode(message);
    if (frame.length > limits.maxFrameBytes()) {
      throw new IllegalArgumentException(
          "encoded "
              + message.type()
              + " is "
              + frame.length
              + " bytes, above the frame limit of "
              + limits.maxFrameBytes());
    }
    return frame;
  }

  /**
   * Reads the next waiting {@code [payload]} message from {@code socket} without blocking.
   *
   * @param sender names the sender of a decoded message (the layout carries no identity)
   * @return the event, or null if no message is waiting
   */
  RpcEvent readPayload(Socket socket, Function<Message, String> sender) {
    byte[] payload = socket.recv(ZMQ.DONTWAIT);
    if (payload == null) {
      return null;
    }
    skipRest(socket);
    try {
      Message message = decode(payload, null, null);
      return new RpcEvent.Received(sender.apply(message), message);
    } catch (ProtocolException e) {
      return new RpcEvent.Malformed(NO_IDENTITY, e);
    }
  }

  /**
   * Reads the next waiting {@code [identity, payload]} message from a ROUTER without blocking. The
   * identity is checked before the payload, so a message failing both reports the identity.
   *
   * @return the event, or null if no message is waiting
   */
  RpcEvent readRouted(Socket router) {
    byte[] identity = router.recv(ZMQ.DONTWAIT);
    if (identity == null) {
      return null;
    }
    if (!router.hasReceiveMore()) {
      return new RpcEvent.Malformed(identity, new ProtocolException("no payload frame"));
    }
    byte[] payload = router.recv(0);
    skipRest(router);
    try {
      return routed(identity, Identities.decode(identity), null, payload);
    } catch (ProtocolException identityError) {
      return routed(identity, null, identityError, payload);
    }
  }

  /**
   * Turns the payload of a routed message whose identity is already known into an event.
   *
   * @param nodeId the node id {@code identity} decodes to, or null if it is none
   * @param identityError why {@code identity} is not a node id, when {@code nodeId} is null
   */
  RpcEvent routed(byte[] identity, String nodeId, ProtocolException identityError, byte[] payload) {
    if (nodeId == null) {
      return new RpcEvent.Malformed(identity, identityError);
    }
    try {
      return new RpcEvent.Received(nodeId, decode(payload, nodeId, identity));
    } catch (ProtocolException e) {
      return new RpcEvent.Malformed(identity, e);
    }
  }

  /**
   * Decodes on the I/O thread; a decoder bug becomes a malformed frame, not a dead loop.
   *
   * @param sender the node id of the sender's identity {@code senderUtf8}, or null if unknown
   */
  private Message decode(byte[] frame, String sender, byte[] senderUtf8) throws ProtocolException {
    try {
      return MessageCodec.decode(frame, limits, readers, sender, senderUtf8);
    } catch (RuntimeException | StackOverflowError e) {
      log.error("{}: decoder threw instead of ProtocolException", owner, e);
      throw new ProtocolException("decoder failed: " + e, e);
    }
  }

  /** Consumes the frames after the payload; the rest of a multipart message is always there. */
  private static void skipRest(Socket socket) {
    while (socket.hasReceiveMore()) {
      socket.recv(0);
    }
  }
}
