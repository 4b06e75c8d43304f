package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.ProtocolException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
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
public final class PushPullRpcClient extends SocketLoop<byte[]> implements RpcClient {
  private final String host;
  private final int port;
  private final String nodeId;
  private final AtomicBoolean reconnectRequested = new AtomicBoolean();

  /** I/O thread only. */
  private Socket push;

  private Socket pull;

  private PushPullRpcClient(String host, int port, String nodeId, DecodeLimits limits)
      throws IOException {
    super("hatchery-rpc-client-legacy", ownContext(), true, limits, QUEUE_CAPACITY);
    this.host = host;
    this.port = port;
    this.nodeId = nodeId;
  }

  /** Connects PUSH to {@code tcp://host:port} and PULL to {@code port + 1}; returns at once. */
  public static PushPullRpcClient connect(String host, int port, String nodeId) throws IOException {
    if (port < 1 || port > 65_534) {
      throw new IllegalArgumentException("port must leave room for port + 1: " + port);
    }
    PushPullRpcClient client = new PushPullRpcClient(host, port, nodeId, DecodeLimits.DEFAULT);
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
    push = newSocket(SocketType.PUSH, Endpoints.tcp(host, port));
    pull = newSocket(SocketType.PULL, Endpoints.tcp(host, port));
    Endpoints.connect(push, Endpoints.tcp(host, port));
    Endpoints.connect(pull, Endpoints.tcp(host, port + 1));
  }

  @Override
  void beforeStep() throws IOException {
    if (reconnectRequested.getAndSet(false)) {
      push.setLinger(0);
      pull.setLinger(0);
      closeSockets();
      open();
    }
  }

  @Override
  List<Socket> readSockets() {
    return List.of(pull);
  }

  @Override
  Socket writeSocket() {
    return push;
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
      return new RpcEvent.Malformed(new byte[0], e);
    }
  }

  @Override
  boolean write(byte[] frame) {
    return push.send(frame, ZMQ.DONTWAIT);
  }

  @Override
  void closeSockets() {
    if (push != null) {
      push.close();
    }
    if (pull != null) {
      pull.close();
    }
  }
}
