package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.ProtocolException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.Socket;

/**
 * The worker's ZeroMQ DEALER transport (Locust 0.10 and later): connects to the master's ROUTER
 * with identity = the UTF-8 bytes of the node id, sends one frame per message and receives one
 * frame per message (frames after the first are ignored).
 *
 * <p>Socket options: {@code TCP_KEEPALIVE=1} and {@code TCP_KEEPALIVE_IDLE=30} as Locust sets them;
 * {@code ZMQ_MAXMSGSIZE} = {@link DecodeLimits#maxFrameBytes()} (a master sending a larger frame is
 * disconnected by ZeroMQ, the frame is lost, and ZeroMQ reconnects). While the master is
 * unreachable ZeroMQ queues up to 1000 messages (its high-water mark), then this transport's
 * outbound queue fills and {@link #send} returns false; Locust's worker raises {@code RPCSendError}
 * at that point.
 *
 * <p>{@link #reconnect()} closes the DEALER with linger 0 and opens a new one with the same
 * identity. {@link ZmqRpcServer} sets {@code ROUTER_HANDOVER}, so the new connection takes over at
 * once; a Python master (libzmq, no handover) accepts it only once it has noticed the old
 * connection close.
 *
 * <p>Thread-safety and threading: see {@link RpcClient}; one I/O thread named {@code
 * hatchery-rpc-client} owns the socket (docs/CONCURRENCY.md).
 */
public final class ZmqRpcClient extends SocketLoop<byte[]> implements RpcClient {
  private final String endpoint;
  private final String nodeId;
  private final byte[] identity;
  private final AtomicBoolean reconnectRequested = new AtomicBoolean();

  /** I/O thread only. */
  private Socket dealer;

  private ZmqRpcClient(
      String endpoint, String nodeId, ZContext context, boolean ownsContext, DecodeLimits limits)
      throws IOException {
    super("hatchery-rpc-client", context, ownsContext, limits, QUEUE_CAPACITY);
    this.endpoint = endpoint;
    this.nodeId = nodeId;
    this.identity = Identities.encode(nodeId);
  }

  /**
   * Connects a DEALER to {@code tcp://host:port} in a context of its own. Returns at once: ZeroMQ
   * connects (and reconnects) in the background, and messages sent meanwhile are queued.
   *
   * @param nodeId this worker's node id ({@code <hostname>_<32 hex>} by Locust's convention)
   */
  public static ZmqRpcClient connect(String host, int port, String nodeId) throws IOException {
    return connect(host, port, nodeId, DecodeLimits.DEFAULT);
  }

  static ZmqRpcClient connect(String host, int port, String nodeId, DecodeLimits limits)
      throws IOException {
    Identities.encode(nodeId); // validate before any resource exists
    return started(new ZmqRpcClient(Endpoints.tcp(host, port), nodeId, ownContext(), true, limits));
  }

  /** Connects to {@code inproc://name} in a shared context (see {@link InprocRpc}). */
  static ZmqRpcClient connectInproc(ZContext context, String name, String nodeId)
      throws IOException {
    Identities.encode(nodeId);
    return started(
        new ZmqRpcClient("inproc://" + name, nodeId, context, false, DecodeLimits.DEFAULT));
  }

  private static ZmqRpcClient started(ZmqRpcClient client) throws IOException {
    client.start();
    return client;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public boolean send(Message message) {
    return enqueue(encode(message));
  }

  @Override
  public Message receive(Duration timeout) throws ProtocolException, InterruptedException {
    return takeMessage(timeout);
  }

  @Override
  public void reconnect() {
    reconnectRequested.set(true);
    wakeup();
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  void open() throws IOException {
    dealer = newSocket(SocketType.DEALER, endpoint);
    dealer.setIdentity(identity);
    Endpoints.connect(dealer, endpoint);
  }

  /**
   * A reconnect whose host no longer resolves is logged once; the client then stays unconnected.
   */
  @Override
  void beforeStep() throws IOException {
    if (reconnectRequested.getAndSet(false)) {
      dealer.setLinger(0);
      dealer.close();
      open();
    }
  }

  @Override
  List<Socket> readSockets() {
    return List.of(dealer);
  }

  @Override
  Socket writeSocket() {
    return dealer;
  }

  @Override
  RpcEvent read(Socket socket) {
    byte[] frame = socket.recv(ZMQ.DONTWAIT);
    if (frame == null) {
      return null;
    }
    while (socket.hasReceiveMore()) {
      socket.recv(0);
    }
    try {
      return new RpcEvent.Received(nodeId, decode(frame));
    } catch (ProtocolException e) {
      return new RpcEvent.Malformed(identity, e);
    }
  }

  @Override
  boolean write(byte[] frame) {
    return dealer.send(frame, ZMQ.DONTWAIT);
  }

  @Override
  void closeSockets() {
    if (dealer != null) {
      dealer.close();
    }
  }
}
