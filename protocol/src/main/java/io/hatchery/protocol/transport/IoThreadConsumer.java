package io.hatchery.protocol.transport;

/**
 * A consumer of a {@link ZmqRpcServer}'s events that runs on the server's I/O thread instead of a
 * thread of its own (see {@link ZmqRpcServer#attach}): each event is handed over where it was read,
 * so no second thread is woken per batch of messages and the decoded data is still in the same
 * core's cache when it is handled. The master's control loop runs this way on its TCP ROUTER.
 *
 * <p>Every method is called on the I/O thread only, one at a time; none may block, since the server
 * reads and writes nothing while one runs. Other threads reach the consumer through a queue of
 * their own plus {@link RpcServer#wakeReceiver()}, which ends the I/O thread's wait so that {@link
 * #afterStep()} runs.
 */
public interface IoThreadConsumer {

  /** Handles one inbound event, as it is read. An exception is logged and the loop goes on. */
  void onEvent(RpcEvent event);

  /**
   * Handles one inbound event read from a connection, with that connection's {@link PeerSlot}.
   * Events that were queued before the consumer was attached come through {@link
   * #onEvent(RpcEvent)} instead. By default the slot is ignored.
   */
  default void onEvent(RpcEvent event, PeerSlot peer) {
    onEvent(event);
  }

  /**
   * Runs after the events of each loop step, before queued messages are written (so what it sends
   * leaves in the same step).
   *
   * @return nanoseconds the loop may wait for I/O before calling again (at most; 0 or less: do not
   *     wait); the loop also wakes for I/O, {@link RpcServer#wakeReceiver()} and its own timers
   */
  long afterStep();

  /**
   * How long the loop pauses, after a step that handed this consumer events, before it polls the
   * sockets again; what arrives meanwhile is read in one step. A consumer that can wait a few
   * milliseconds for its messages trades that latency for far fewer wake-ups of the I/O thread
   * (each costs a context switch): with 10,000 workers, a few hundred per second instead of one
   * every few messages. The pause never outlasts {@link #afterStep()}'s wait; {@link
   * RpcServer#wakeReceiver()}, a send from another thread and closing the server end it at once;
   * and a step that found 256 or more sockets ready, already a batch, does not pause. By default 0:
   * poll again at once.
   */
  default long batchingDelayNanos() {
    return 0;
  }

  /** Whether the consumer is done; the server then stops as by {@link RpcServer#close()}. */
  boolean finished();

  /**
   * Called once, last, on the I/O thread when the loop has ended and every socket is closed.
   *
   * @param failure what killed the loop, or null when it stopped normally
   */
  void stopped(Throwable failure);
}
