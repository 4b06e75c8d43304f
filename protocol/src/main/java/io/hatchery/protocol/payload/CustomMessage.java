package io.hatchery.protocol.payload;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import java.util.Objects;

/**
 * A custom message ({@code runner.send_message(type, data)} in Locust): any type that is not one of
 * {@link MessageType}'s, with any msgpack-able data. Receivers must tolerate unknown types.
 *
 * <p>Data values follow the codec's mapping and are passed through untouched; beware that a Locust
 * 2.20+ receiver turns any map holding {@code "__datetime__"} into a datetime. Immutable as long as
 * {@code data} is not mutated.
 *
 * @param type the message type, never one of Locust's own
 * @param data the message data
 */
public record CustomMessage(String type, Object data) {
  public CustomMessage {
    Objects.requireNonNull(type, "type");
    if (MessageType.isKnown(type)) {
      throw new IllegalArgumentException("'" + type + "' is a Locust message type, not custom");
    }
  }

  /** Returns {@code message} as a custom message, rejecting Locust's own types. */
  public static CustomMessage from(Message message) throws ProtocolException {
    if (MessageType.isKnown(message.type())) {
      throw new ProtocolException("'" + message.type() + "' is not a custom message type");
    }
    return new CustomMessage(message.type(), message.data());
  }

  /** Returns the message addressed to (or sent by) {@code nodeId}. */
  public Message toMessage(String nodeId) {
    return new Message(type, data, nodeId);
  }
}
