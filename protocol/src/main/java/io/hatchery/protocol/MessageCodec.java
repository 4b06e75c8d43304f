package io.hatchery.protocol;

import io.hatchery.protocol.msgpack.MsgpackReader;
import io.hatchery.protocol.msgpack.MsgpackWriter;
import java.util.Map;

/**
 * Encodes and decodes the msgpack envelope {@code [type, data, node_id]} of Locust's master/worker
 * protocol.
 *
 * <p>Mirrors {@code Message.serialize}/{@code Message.unserialize} in {@code
 * locust/rpc/protocol.py}. A frame must be exactly one msgpack array of three elements: a str type,
 * any data, and a str or nil node id; any other arity, a non-array top level, a non-str type, or
 * bytes after the array (Python's {@code ExtraData}) is a {@link ProtocolException}. See {@link
 * MsgpackReader} and {@link MsgpackWriter} for the value mapping. Stateless and thread-safe.
 *
 * <pre>{@code
 * byte[] frame = MessageCodec.encode(new Message(MessageType.CLIENT_READY, -1L, nodeId));
 * Message back = MessageCodec.decode(frame); // data is Long -1
 * }</pre>
 */
public final class MessageCodec {
  private static final int ENVELOPE_SIZE = 3;

  private MessageCodec() {}

  /**
   * Encodes {@code message} the way Python msgpack 1.0 ({@code use_bin_type=True}) does.
   *
   * @throws IllegalArgumentException if {@code data} holds a value with no msgpack mapping
   */
  public static byte[] encode(Message message) {
    return new MsgpackWriter()
        .writeArrayHeader(ENVELOPE_SIZE)
        .writeValue(message.type())
        .writeValue(message.data())
        .writeValue(message.nodeId())
        .toByteArray();
  }

  /**
   * Decodes one frame under {@link DecodeLimits#DEFAULT}; throws only {@link ProtocolException}.
   */
  public static Message decode(byte[] frame) throws ProtocolException {
    return decode(frame, DecodeLimits.DEFAULT);
  }

  /**
   * Decodes one frame under {@code limits}.
   *
   * @throws ProtocolException for any frame that is not a well-formed envelope within the limits;
   *     no other exception escapes, whatever the bytes
   */
  public static Message decode(byte[] frame, DecodeLimits limits) throws ProtocolException {
    return decode(frame, limits, Map.of());
  }

  /**
   * Decodes one frame under {@code limits}; the data of a message whose type has a reader in {@code
   * readers} is that reader's typed value, unless the reader hands the frame back (see {@link
   * DataReader}), in which case it is decoded generically like any other.
   *
   * @throws ProtocolException for any frame that is not a well-formed envelope within the limits;
   *     no other exception escapes a well-behaved reader, whatever the bytes
   */
  public static Message decode(byte[] frame, DecodeLimits limits, Map<String, DataReader> readers)
      throws ProtocolException {
    return decode(frame, limits, readers, null, null);
  }

  /**
   * {@link #decode(byte[], DecodeLimits, Map)} for a frame whose sender is already known by its
   * node id, as a ROUTER knows it from the peer's identity: a {@code node_id} of exactly the bytes
   * {@code senderUtf8} is returned as the very string {@code sender}, neither decoded nor looked up
   * in the reader's string cache (whose slots thousands of distinct node ids would only evict). Any
   * other {@code node_id} is decoded as usual, so the result is always equal to that of the
   * three-argument form.
   *
   * @param sender the node id the sender is known by, or null if none
   * @param senderUtf8 the UTF-8 bytes of {@code sender}; null when {@code sender} is
   */
  public static Message decode(
      byte[] frame,
      DecodeLimits limits,
      Map<String, DataReader> readers,
      String sender,
      byte[] senderUtf8)
      throws ProtocolException {
    MsgpackReader reader = new MsgpackReader(frame, limits);
    if (frame.length == 0) {
      throw new ProtocolException("empty frame");
    }
    int size = reader.readArrayHeader();
    if (size != ENVELOPE_SIZE) {
      throw new ProtocolException(
          "envelope must be an array of " + ENVELOPE_SIZE + " [type, data, node_id], not " + size);
    }
    String type = reader.readString("message type", false);
    DataReader typed = readers.isEmpty() ? null : readers.get(type);
    if (typed != null) {
      Message message = decodeTyped(typed, reader, frame, type, sender, senderUtf8);
      if (message != null) {
        return message;
      }
      return decode(frame, limits, Map.of(), sender, senderUtf8);
    }
    Object data = reader.readValue(1);
    String nodeId = readNodeId(reader, sender, senderUtf8);
    if (reader.remainingBytes() > 0) {
      throw new ProtocolException(
          reader.remainingBytes() + " trailing bytes after the envelope of '" + type + "'");
    }
    return new Message(type, data, nodeId);
  }

  /**
   * The rest of the frame after {@code type} with a typed reader, or null to decode generically.
   */
  private static Message decodeTyped(
      DataReader typed,
      MsgpackReader reader,
      byte[] frame,
      String type,
      String sender,
      byte[] senderUtf8) {
    try {
      Object data = typed.read(reader, frame);
      if (data == null) {
        return null;
      }
      String nodeId = readNodeId(reader, sender, senderUtf8);
      return reader.remainingBytes() == 0 ? new Message(type, data, nodeId) : null;
    } catch (ProtocolException | RuntimeException e) {
      // A shape the reader does not take, or a bug in it: the generic decoding has the last word.
      return null;
    }
  }

  private static String readNodeId(MsgpackReader reader, String sender, byte[] senderUtf8)
      throws ProtocolException {
    if (sender != null && reader.skipStringIfEquals(senderUtf8)) {
      return sender;
    }
    return reader.readString("node_id", true);
  }
}
