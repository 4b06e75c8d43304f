package io.hatchery.protocol.transport;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ.Socket;

/**
 * The ZeroMQ sockets of one transport, created with the options every Hatchery transport uses and
 * closed together, and the context they live in.
 *
 * <p>Not thread-safe: an instance and its sockets belong to the transport's I/O thread, which
 * creates, uses and closes them (docs/CONCURRENCY.md). {@link #ownContext()} may be called from any
 * thread.
 */
final class Sockets {
  /** How long closing a socket lets queued frames drain to peers; Locust uses no bound at all. */
  static final int LINGER_MILLIS = 1_000;

  /**
   * Longest ZMTP handshake before ZeroMQ drops the connection and reconnects: several round trips
   * even on an intercontinental link (libzmq's default is 30 s; see {@link #create}).
   */
  static final int HANDSHAKE_MILLIS = 3_000;

  /** TCP keepalive as Locust sets it on both ends (locust/rpc/zmqrpc.py). */
  private static final int TCP_KEEPALIVE_IDLE_SECONDS = 30;

  private static final Logger log = LoggerFactory.getLogger(Sockets.class);

  private final ZContext context;
  private final boolean ownsContext;
  private final int maxFrameBytes;

  /** Every socket created and not yet closed, in creation order. */
  private final List<Socket> open = new ArrayList<>();

  /**
   * @param ownsContext whether {@link #closeContext()} closes {@code context} (false when it is
   *     shared, as {@link InprocRpc}'s is)
   * @param maxFrameBytes the largest inbound frame a socket accepts
   */
  Sockets(ZContext context, boolean ownsContext, int maxFrameBytes) {
    this.context = context;
    this.ownsContext = ownsContext;
    this.maxFrameBytes = maxFrameBytes;
  }

  /** A context for one transport, with JeroMQ's own threads reporting their deaths loudly. */
  static ZContext ownContext() {
    ZContext context = new ZContext(1);
    context.setUncaughtExceptionHandler(
        (thread, e) -> log.error("ZeroMQ thread {} died", thread.getName(), e));
    context.setNotificationExceptionHandler(
        (thread, e) -> log.error("ZeroMQ notification failed on {}", thread.getName(), e));
    return context;
  }

  /**
   * Creates a socket of {@code type} for {@code endpoint}, not yet bound or connected, that refuses
   * inbound frames above the limit.
   */
  Socket create(SocketType type, String endpoint) {
    Socket socket = context.createSocket(type);
    // An IPv6 literal needs an IPv6 socket; `*` and IPv4 keep JeroMQ's default.
    socket.setIPv6(Endpoints.isIpv6Literal(endpoint));
    socket.setLinger(LINGER_MILLIS);
    // A peer announcing a larger frame is disconnected by ZeroMQ's decoder before any buffer is
    // allocated; without this JeroMQ 0.6.0 dies on a 2 GB frame header (reliability.md §3.4).
    socket.setMaxMsgSize(maxFrameBytes);
    socket.setTCPKeepAlive(1);
    socket.setTCPKeepAliveIdle(TCP_KEEPALIVE_IDLE_SECONDS);
    // JeroMQ 0.6.0 sometimes loses the poll registration of a connection whose connect() completed
    // at once (its Poller cancels the new engine's selection key along with the connecter's), so
    // the handshake never starts. The handshake timer still fires and ZeroMQ reconnects: bounding
    // it at HANDSHAKE_MILLIS instead of the default 30 s heals such a link in a few seconds.
    socket.setHandshakeIvl(HANDSHAKE_MILLIS);
    open.add(socket);
    return socket;
  }

  /**
   * Closes every socket created so far, in creation order. With {@code discard} they close at once
   * (linger 0) and drop what they still queue, as a reconnect does; otherwise each lets its queued
   * frames drain for up to {@link #LINGER_MILLIS}.
   */
  void closeAll(boolean discard) {
    for (Socket socket : open) {
      if (discard) {
        socket.setLinger(0);
      }
      socket.close();
    }
    open.clear();
  }

  /** Closes the context if it is this transport's own; blocks while sockets linger. */
  void closeContext() {
    if (ownsContext) {
      context.close();
    }
  }
}
