package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import java.io.IOException;
import java.time.Duration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.Socket;

/**
 * The master's ZeroMQ ROUTER transport (Locust 0.10 and later): workers connect DEALERs whose
 * identity is their node id; each inbound message arrives as {@code [identity, payload]} and each
 * outbound one leaves as {@code [identity, payload]}. Frames after the payload are ignored, as
 * Locust ignores them.
 *
 * <p>Socket options: {@code TCP_KEEPALIVE=1} and {@code TCP_KEEPALIVE_IDLE=30} as Locust sets them;
 * {@code ZMQ_MAXMSGSIZE} = {@link DecodeLimits#maxFrameBytes()}, so a peer that sends (or merely
 * announces) a larger frame is disconnected by ZeroMQ before anything is allocated: that frame is
 * lost without an event, and the peer's socket reconnects on its own. {@code ROUTER_HANDOVER=1}: a
 * worker that rebuilds its DEALER with the same identity (Locust's {@code reconnect}) takes that
 * identity over at once; without it the ROUTER keeps the old, possibly half-dead connection and
 * silently ignores the new one, so the worker could not be reached until the old TCP connection
 * timed out. The price is that anyone can take over a node id, which the unauthenticated protocol
 * allows anyway. Frames still queued from the replaced connection arrive with a ZeroMQ-generated
 * identity and therefore as {@link RpcEvent.Malformed}. No {@code ROUTER_MANDATORY}, as in Locust:
 * a message for an unknown node id is dropped.
 *
 * <p>Thread-safety and threading: see {@link RpcServer}; one I/O thread named {@code
 * hatchery-rpc-server} owns the socket (docs/CONCURRENCY.md).
 */
public final class ZmqRpcServer extends SocketLoop<ZmqRpcServer.Outgoing> implements RpcServer {
  private final String endpoint;
  private volatile int port = -1;

  private ZmqRpcServer(
      String endpoint, ZContext context, boolean ownsContext, DecodeLimits limits, int capacity)
      throws IOException {
    super("hatchery-rpc-server", context, ownsContext, limits, capacity);
    this.endpoint = endpoint;
  }

  /**
   * Binds a ROUTER on {@code tcp://host:port} in a context of its own.
   *
   * @param host interface to bind, or {@code *} for all (Locust's {@code --master-bind-host})
   * @param port TCP port, or 0 for an ephemeral one (read it back with {@link #port()})
   * @throws java.net.BindException if the port is in use
   */
  public static ZmqRpcServer bind(String host, int port) throws IOException {
    return bind(host, port, DecodeLimits.DEFAULT, QUEUE_CAPACITY);
  }

  static ZmqRpcServer bind(String host, int port, DecodeLimits limits, int inboundCapacity)
      throws IOException {
    return started(
        new ZmqRpcServer(
            Endpoints.tcp(host, port), Sockets.ownContext(), true, limits, inboundCapacity));
  }

  /** Binds {@code inproc://name} in a shared context (standalone mode, see {@link InprocRpc}). */
  static ZmqRpcServer bindInproc(ZContext context, String name) throws IOException {
    return started(
        new ZmqRpcServer("inproc://" + name, context, false, DecodeLimits.DEFAULT, QUEUE_CAPACITY));
  }

  /** The TCP port actually bound (the ephemeral one if 0 was asked for); -1 for inproc. */
  public int port() {
    return port;
  }

  @Override
  public boolean send(String nodeId, Message message) {
    byte[] identity = Identities.encode(nodeId);
    return enqueue(new Outgoing(identity, frames.encode(message)));
  }

  @Override
  public RpcEvent receive(Duration timeout) throws InterruptedException {
    return take(timeout);
  }

  @Override
  void open() throws IOException {
    Socket router = sockets.create(SocketType.ROUTER, endpoint);
    router.setRouterHandover(true);
    useSockets(router, router);
    port = Endpoints.bind(router, endpoint);
  }

  @Override
  RpcEvent read(Socket socket) {
    return frames.readRouted(socket);
  }

  @Override
  boolean write(Socket router, Outgoing item) {
    if (!router.send(item.identity(), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
      return false;
    }
    // The rest of a multipart message always follows its first frame.
    router.send(item.frame(), 0);
    return true;
  }

  /** One queued outbound message: the target's identity frame and the encoded payload. */
  record Outgoing(byte[] identity, byte[] frame) {}
}
