package io.hatchery.protocol;

/**
 * One message of Locust's master/worker protocol: the msgpack array {@code [type, data, node_id]}.
 *
 * <p>{@code data} holds a decoded msgpack value: {@code null}, {@link Boolean}, {@link Long} (or
 * {@link java.math.BigInteger} above {@code Long.MAX_VALUE}), {@link Double}, {@link String},
 * {@code byte[]}, {@link java.util.List}, {@link java.util.Map}, {@link
 * io.hatchery.protocol.msgpack.MsgpackExtension} or {@link java.time.LocalDateTime} (see {@link
 * io.hatchery.protocol.msgpack.MsgpackReader}); typed views are in the {@code payload} package.
 * {@code nodeId} is the worker's node id in both directions; it is {@code null} only in messages
 * from a legacy (Locust 0.9 and older) master.
 *
 * <p>Mirrors {@code locust.rpc.protocol.Message}. Immutable as long as {@code data} is not mutated.
 */
public record Message(String type, Object data, String nodeId) {
  public Message {
    if (type == null) {
      throw new NullPointerException("type == null");
    }
  }
}
