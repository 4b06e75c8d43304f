package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import java.io.IOException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
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
public final class ZmqRpcClient extends ClientLoop {
  private final String endpoint;
  private final byte[] identity;

  private ZmqRpcClient(
      String endpoint, String nodeId, ZContext context, boolean ownsContext, DecodeLimits limits)
      throws IOException {
    super("hatchery-rpc-client", context, ownsContext, limits, nodeId);
    this.endpoint = endpoint;
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
    return started(
        new ZmqRpcClient(Endpoints.tcp(host, port), nodeId, Sockets.ownContext(), true, limits));
  }

  /** Connects to {@code inproc://name} in a shared context (see {@link InprocRpc}). */
  static ZmqRpcClient connectInproc(ZContext context, String name, String nodeId)
      throws IOException {
    Identities.encode(nodeId);
    return started(
        new ZmqRpcClient("inproc://" + name, nodeId, context, false, DecodeLimits.DEFAULT));
  }

  @Override
  void open() throws IOException {
    Socket dealer = sockets.create(SocketType.DEALER, endpoint);
    dealer.setIdentity(identity);
    useSockets(dealer, dealer);
    Endpoints.connect(dealer, endpoint);
  }
}
