package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.INDEX;

import io.hatchery.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of {@code ack} (M→W): the master accepted the worker's client_ready and gives it a
 * 0-based index, stable per node id for the master's lifetime.
 *
 * <p>Locust 2.10.0 sent nil; 2.11.0+ sends {@code {"index": n}}. A nil or index-less ack decodes
 * with a {@code null} index. Immutable.
 *
 * @param index the worker's index, or {@code null} when the master did not send one
 */
public record AckPayload(Long index) {

  /** Parses ack data: nil, or a map whose optional {@code index} is an int. */
  public static AckPayload from(Object data) throws ProtocolException {
    if (data == null) {
      return new AckPayload(null);
    }
    Map<?, ?> map = Payloads.map(data, "ack data");
    Object index = map.get(INDEX);
    return new AckPayload(index == null ? null : Payloads.integer(index, "ack index"));
  }

  /** Returns {@code {"index": n}}, or nil when there is no index (a 2.10.0 master's ack). */
  public Object toData() {
    if (index == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>(2);
    map.put(INDEX, index);
    return map;
  }
}
