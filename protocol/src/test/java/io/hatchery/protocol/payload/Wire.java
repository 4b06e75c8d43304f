package io.hatchery.protocol.payload;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test shorthands: ordered maps, and a trip of data through the real codec. */
final class Wire {
  private Wire() {}

  /** Builds an insertion-ordered map from alternating keys and values. */
  static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Encodes {@code data} in an envelope and decodes it again, as a peer would receive it. */
  static Object overTheWire(Object data) throws ProtocolException {
    return MessageCodec.decode(MessageCodec.encode(new Message("t", data, "n"))).data();
  }

  /** Returns the encoded bytes of {@code data} alone, to compare key order and types. */
  static byte[] bytesOf(Object data) {
    return MessageCodec.encode(new Message("t", data, "n"));
  }
}
