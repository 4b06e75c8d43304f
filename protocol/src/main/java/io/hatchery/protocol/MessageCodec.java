package io.hatchery.protocol;

/** Encodes and decodes the msgpack envelope {@code [type, data, node_id]}. */
public final class MessageCodec {
  private MessageCodec() {}

  /** Encodes {@code message} the way Python msgpack 1.0 ({@code use_bin_type=True}) does. */
  public static byte[] encode(Message message) {
    throw new UnsupportedOperationException("being written on branch codec");
  }

  /** Decodes one frame under the default limits; throws only {@link ProtocolException}. */
  public static Message decode(byte[] frame) throws ProtocolException {
    throw new UnsupportedOperationException("being written on branch codec");
  }
}
