package io.hatchery.protocol.transport;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.ProtocolException;
import java.time.Duration;

/**
 * The worker's end of the master/worker link: sends messages to the master and receives what the
 * master sends to this worker.
 *
 * <p>Thread-safety: every method may be called from any thread. {@link #send} never blocks: the
 * message is encoded on the calling thread and handed to the transport's I/O thread, which owns the
 * socket; messages from one sending thread keep their order. {@link #receive} is meant for one
 * consumer thread (the worker's message loop).
 *
 * <p>Mirrors {@code locust.rpc.zmqrpc.Client} (DEALER with identity = node id); the 3-method {@code
 * rpc.Client} of locust4j is the model for the size of this seam.
 *
 * <pre>{@code
 * try (ZmqRpcClient client = ZmqRpcClient.connect("127.0.0.1", 5557, nodeId)) {
 *   client.send(new Message(MessageType.CLIENT_READY, -1L, nodeId));
 *   Message fromMaster = client.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public interface RpcClient extends AutoCloseable {

  /** The node id this client announces, as its ZeroMQ identity where the transport has one. */
  String nodeId();

  /**
   * Queues {@code message} for the master.
   *
   * @return {@code false} if the message was dropped at once because the outbound queue is full
   *     (the master has been unreachable for a while) or the client is closed
   * @throws IllegalArgumentException if the encoded frame is larger than the transport's frame
   *     limit, or {@code message.data()} holds a type the codec cannot encode
   */
  boolean send(Message message);

  /**
   * Takes the next message from the master, waiting up to {@code timeout}.
   *
   * @return the message, or {@code null} if none arrived in time
   * @throws ProtocolException if the next frame from the master did not decode; the frame is
   *     consumed and the next call continues with the following one
   * @throws IllegalStateException if the I/O thread died (a bug; the cause is attached)
   */
  Message receive(Duration timeout) throws ProtocolException, InterruptedException;

  /**
   * Replaces the connection with a fresh one under the same node id, as a Locust worker does when
   * the master sends {@code reconnect}. Asynchronous: messages sent after this call travel on the
   * new connection. Messages not yet delivered on the old one may be lost.
   */
  void reconnect();

  /**
   * Stops the transport: flushes what is queued for at most a bounded linger, closes the socket and
   * joins the I/O thread with a deadline. Idempotent.
   */
  @Override
  void close();
}
