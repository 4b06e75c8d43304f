package io.hatchery.protocol.transport;

/**
 * One object an attached consumer keeps with a connection. It is handed over with every event read
 * from that connection ({@link IoThreadConsumer#onEvent(RpcEvent, PeerSlot)}), so the consumer
 * finds what it keeps for the sender without looking its node id up; the master keeps the worker's
 * registry node here. The transport never reads it. It lives as long as the connection: a worker
 * that reconnects starts with an empty slot.
 *
 * <p>Not thread-safe: it belongs to the I/O thread, like the attached consumer.
 */
public final class PeerSlot {
  private Object value;

  /** What the consumer put here last, or null. */
  public Object get() {
    return value;
  }

  /** Keeps {@code value} (or nothing, when null) with the connection. */
  public void set(Object value) {
    this.value = value;
  }
}
