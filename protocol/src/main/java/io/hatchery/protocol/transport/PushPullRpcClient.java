package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import java.io.IOException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ.Socket;

/**
 * The worker's transport for Locust 0.9 and older masters (protocol generation G0): PUSH connected
 * to the master's port P, PULL connected to P+1. No identities: the master knows this worker only
 * by the {@code node_id} inside each payload, and receives messages meant for any worker (a G0
 * master sends {@code node_id} nil, and workers ignore it).
 *
 * <p>Thread-safety and threading: see {@link RpcClient}; one I/O thread named {@code
 * hatchery-rpc-client-legacy} owns both sockets. {@link #reconnect()} rebuilds both.
 */
public final class PushPullRpcClient extends ClientLoop {
  private final String host;
  private final int port;

  private PushPullRpcClient(String host, int port, String nodeId, DecodeLimits limits)
      throws IOException {
    super("hatchery-rpc-client-legacy", Sockets.ownContext(), true, limits, nodeId);
    this.host = host;
    this.port = port;
  }

  /** Connects PUSH to {@code tcp://host:port} and PULL to {@code port + 1}; returns at once. */
  public static PushPullRpcClient connect(String host, int port, String nodeId) throws IOException {
    if (port < 1 || port > 65_534) {
      throw new IllegalArgumentException("port must leave room for port + 1: " + port);
    }
    return started(new PushPullRpcClient(host, port, nodeId, DecodeLimits.DEFAULT));
  }

  @Override
  void open() throws IOException {
    Socket push = sockets.create(SocketType.PUSH, Endpoints.tcp(host, port));
    Socket pull = sockets.create(SocketType.PULL, Endpoints.tcp(host, port));
    useSockets(pull, push);
    Endpoints.connect(push, Endpoints.tcp(host, port));
    Endpoints.connect(pull, Endpoints.tcp(host, port + 1));
  }
}
