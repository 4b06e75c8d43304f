package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.Socket;

/**
 * The master's transport for Locust 0.9 and older (protocol generation G0): a PULL socket bound on
 * port P receives from every worker, a PUSH socket bound on P+1 sends to them.
 *
 * <p>Master-to-worker messages are not addressed: {@link #send} ignores {@code nodeId}, and PUSH
 * hands each message to one connected worker in turn (round robin). A Locust 0.9 master therefore
 * sends one {@code hatch} per worker and relies on the rotation to give each worker one. A message
 * sent while no worker is connected waits (up to the high-water mark) for the first one. Inbound
 * messages carry no identity: {@link RpcEvent.Received#nodeId()} is the payload's {@code node_id}
 * and {@link RpcEvent.Malformed#identity()} is empty. Socket options as in {@link ZmqRpcServer}
 * (Locust 0.9 set none; keepalive and the frame limit are harmless to old peers).
 *
 * <p>Thread-safety and threading: see {@link RpcServer}; one I/O thread named {@code
 * hatchery-rpc-server-legacy} owns both sockets.
 */
public final class PushPullRpcServer extends SocketLoop<byte[]> implements RpcServer {
  /** Attempts to find a free pair P, P+1 when an ephemeral port is asked for. */
  private static final int PAIR_ATTEMPTS = 20;

  private final String host;
  private final int requestedPort;
  private volatile int port = -1;

  private PushPullRpcServer(String host, int port, DecodeLimits limits) throws IOException {
    super("hatchery-rpc-server-legacy", Sockets.ownContext(), true, limits, QUEUE_CAPACITY);
    this.host = host;
    this.requestedPort = port;
  }

  /**
   * Binds PULL on {@code tcp://host:port} and PUSH on {@code port + 1}.
   *
   * @param port the PULL port P, or 0 to find a free consecutive pair (read P with {@link #port()})
   * @throws BindException if either port is in use (or no free pair was found)
   */
  public static PushPullRpcServer bind(String host, int port) throws IOException {
    return started(new PushPullRpcServer(host, port, DecodeLimits.DEFAULT));
  }

  /** The PULL port P; the PUSH socket is bound on P+1. */
  public int port() {
    return port;
  }

  /** Queues {@code message} for whichever connected worker is next in turn; nodeId is ignored. */
  @Override
  public boolean send(String nodeId, Message message) {
    return enqueue(frames.encode(message));
  }

  @Override
  public RpcEvent receive(Duration timeout) throws InterruptedException {
    return take(timeout);
  }

  @Override
  void open() throws IOException {
    Socket pull = sockets.create(SocketType.PULL, Endpoints.tcp(host, 0));
    Socket push = sockets.create(SocketType.PUSH, Endpoints.tcp(host, 0));
    useSockets(pull, push);
    if (requestedPort != 0) {
      port = Endpoints.bind(pull, Endpoints.tcp(host, requestedPort));
      Endpoints.bind(push, Endpoints.tcp(host, requestedPort + 1));
      return;
    }
    for (int attempt = 0; attempt < PAIR_ATTEMPTS; attempt++) {
      int candidate = Endpoints.bind(pull, Endpoints.tcp(host, 0));
      try {
        if (candidate < 65_535) {
          Endpoints.bind(push, Endpoints.tcp(host, candidate + 1));
          port = candidate;
          return;
        }
      } catch (BindException taken) {
        // P+1 belongs to someone else: give P back and let the OS pick another one.
      }
      pull.unbind(pull.getLastEndpoint());
    }
    throw new BindException("no free consecutive port pair on " + host);
  }

  /** The sender is the payload's {@code node_id}, or {@code ""} when it carries none. */
  @Override
  RpcEvent read(Socket socket) {
    return frames.readPayload(socket, message -> message.nodeId() == null ? "" : message.nodeId());
  }

  @Override
  boolean write(Socket socket, byte[] frame) {
    return socket.send(frame, ZMQ.DONTWAIT);
  }
}
