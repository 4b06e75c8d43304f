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
 * A ZeroMQ ROUTER on JeroMQ, used for {@code inproc://} in standalone mode ({@link InprocRpc}); TCP
 * workers are served by {@link ZmqRpcServer}, which speaks ZMTP itself. Workers connect DEALERs
 * whose identity is their node id; each inbound message arrives as {@code [identity, payload]} and
 * each outbound one leaves as {@code [identity, payload]}. Frames after the payload are ignored, as
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
final class JeromqRouterServer extends SocketLoop<JeromqRouterServer.Outgoing>
    implements RpcServer {
  private final String endpoint;

  private JeromqRouterServer(
      String endpoint, ZContext context, boolean ownsContext, DecodeLimits limits, int capacity)
      throws IOException {
    super("hatchery-rpc-server", context, ownsContext, limits, capacity);
    this.endpoint = endpoint;
  }

  /** Binds {@code inproc://name} in a shared context (standalone mode, see {@link InprocRpc}). */
  static JeromqRouterServer bindInproc(ZContext context, String name) throws IOException {
    return started(
        new JeromqRouterServer(
            "inproc://" + name, context, false, DecodeLimits.DEFAULT, QUEUE_CAPACITY));
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
    Endpoints.bind(router, endpoint);
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
