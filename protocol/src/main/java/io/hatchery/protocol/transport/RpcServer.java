package io.hatchery.protocol.transport;

import io.hatchery.protocol.Message;
import java.time.Duration;

/**
 * The master's end of the master/worker link: sends messages to workers by node id and receives
 * what workers send.
 *
 * <p>Thread-safety: every method may be called from any thread. {@link #send} never blocks: the
 * message is encoded on the calling thread and handed to the transport's I/O thread, which owns the
 * socket. Messages from one sending thread to one worker keep their order. {@link #receive} is
 * meant for one consumer thread (the master's message loop); several consumers each get distinct
 * events.
 *
 * <p>Mirrors {@code locust.rpc.zmqrpc.Server} (ROUTER). The bound port is not part of this seam:
 * only TCP implementations have one, and the code that binds knows the concrete type (for example
 * {@link ZmqRpcServer#port()}).
 *
 * <pre>{@code
 * try (ZmqRpcServer server = ZmqRpcServer.bind("*", 5557)) {
 *   RpcEvent event = server.receive(Duration.ofSeconds(1));
 *   if (event instanceof RpcEvent.Received received) {
 *     server.send(received.nodeId(), new Message(MessageType.ACK, Map.of("index", 0), received.nodeId()));
 *   }
 * }
 * }</pre>
 */
public interface RpcServer extends AutoCloseable {

  /**
   * Queues {@code message} for the worker {@code nodeId}. A message for a worker that is not
   * connected, or whose connection already holds 1000 undelivered messages (ZeroMQ's high-water
   * mark), is dropped silently, as a Locust master's ROUTER does (no {@code ROUTER_MANDATORY}): one
   * stalled worker never holds up messages to the others.
   *
   * @return {@code false} if the message was dropped at once because the outbound queue is full or
   *     the server is closed
   * @throws IllegalArgumentException if the encoded frame is larger than the transport's frame
   *     limit, {@code message.data()} holds a type the codec cannot encode, or {@code nodeId}
   *     cannot be a ZeroMQ identity (empty, longer than 255 UTF-8 bytes, or starting with a NUL)
   */
  boolean send(String nodeId, Message message);

  /**
   * Takes the next inbound event, waiting up to {@code timeout}. Events wait in a bounded queue
   * (10,000 for the ZeroMQ transports); while it is full the transport stops reading, so peers are
   * pushed back through ZeroMQ's high-water marks and TCP instead of growing memory.
   *
   * @return the event, or {@code null} if none arrived in time
   * @throws IllegalStateException if the I/O thread died (a bug; the cause is attached)
   */
  RpcEvent receive(Duration timeout) throws InterruptedException;

  /**
   * Makes a consumer blocked in {@link #receive} return at once, with {@code null} if no event is
   * waiting; when no consumer is blocked, the next {@code receive} returns at once instead. Lets
   * the thread that consumes events also serve a command queue of its own without polling it: queue
   * the command, then call this. Wake-ups do not accumulate (several before one {@code receive} end
   * one wait) and never take room from events. Any thread; cheap when a wake-up is already pending.
   */
  void wakeReceiver();

  /**
   * Stops the transport: flushes what is queued for at most a bounded linger, closes the socket and
   * joins the I/O thread with a deadline. Idempotent; events not yet received are discarded.
   */
  @Override
  void close();
}
