package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.ProtocolException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.Socket;

/**
 * What the worker's transports share: one node id, single-frame messages both ways, and {@link
 * #reconnect()} as "close the sockets at once and open new ones" on the I/O thread. Subclasses
 * state only their sockets and endpoints.
 *
 * <p>A frame from the master that does not decode is thrown by {@link #receive} as its {@link
 * ProtocolException}; it carries no identity, as only the master can have sent it.
 *
 * <p>Thread-safety and threading: see {@link RpcClient} and {@link SocketLoop}.
 */
abstract class ClientLoop extends SocketLoop<byte[]> implements RpcClient {
  private final String nodeId;
  private final AtomicBoolean reconnectRequested = new AtomicBoolean();

  ClientLoop(
      String threadName, ZContext context, boolean ownsContext, DecodeLimits limits, String nodeId)
      throws IOException {
    super(threadName, context, ownsContext, limits, QUEUE_CAPACITY);
    this.nodeId = nodeId;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public boolean send(Message message) {
    return enqueue(frames.encode(message));
  }

  @Override
  public Message receive(Duration timeout) throws ProtocolException, InterruptedException {
    return switch (take(timeout)) {
      case null -> null;
      case RpcEvent.Received received -> received.message();
      case RpcEvent.Malformed malformed -> throw malformed.error();
    };
  }

  @Override
  public void reconnect() {
    reconnectRequested.set(true);
    wakeup();
  }

  /**
   * Carries out a requested reconnect: closes the sockets at once (linger 0) and opens new ones. A
   * reconnect whose host no longer resolves is logged once; the client then stays unconnected.
   */
  @Override
  final void beforeStep() throws IOException {
    if (reconnectRequested.getAndSet(false)) {
      sockets.closeAll(true);
      open();
    }
  }

  @Override
  final RpcEvent read(Socket socket) {
    return frames.readPayload(socket, message -> nodeId);
  }

  @Override
  final boolean write(Socket socket, byte[] frame) {
    return socket.send(frame, ZMQ.DONTWAIT);
  }
}
