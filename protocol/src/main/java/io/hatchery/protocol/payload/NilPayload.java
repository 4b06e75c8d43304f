package io.hatchery.protocol.payload;

/**
 * The data of the messages that carry none: {@code spawning}, {@code hatching}, {@code stop},
 * {@code client_stopped}, {@code quit}, {@code reconnect} and the master's {@code heartbeat}
 * (2.19+). Always encoded as nil.
 *
 * <p>Locust never reads the data of these messages, so {@link #from} accepts anything. Immutable.
 */
public record NilPayload() {
  public static final NilPayload INSTANCE = new NilPayload();

  /** Returns {@link #INSTANCE}; the data is ignored, as Locust ignores it. */
  public static NilPayload from(Object data) {
    return INSTANCE;
  }

  /** Returns {@code null} (msgpack nil). */
  public Object toData() {
    return null;
  }
}
