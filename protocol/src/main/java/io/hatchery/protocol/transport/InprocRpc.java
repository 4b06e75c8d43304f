package io.hatchery.protocol.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zeromq.ZContext;

/**
 * Standalone mode's link: a master and its workers in one JVM, talking ROUTER/DEALER over {@code
 * inproc://} in one shared ZeroMQ context, so every mode runs the same code path (ARCHITECTURE.md
 * §4). Locust's standalone mode has no counterpart: its {@code LocalRunner} skips the RPC layer.
 *
 * <p>The server and clients behave like {@link ZmqRpcServer} and {@link ZmqRpcClient} (same
 * threads, queues and frame limit on send). ZeroMQ's {@code ZMQ_MAXMSGSIZE} does not apply to
 * inproc, which passes frames without decoding; the send-side check covers it, as every sender is
 * in this JVM. Thread-safe. {@link #close()} closes the clients, then the server, then the context.
 *
 * <pre>{@code
 * try (InprocRpc link = InprocRpc.open()) {
 *   RpcServer master = link.server();
 *   RpcClient worker = link.connect(nodeId);
 * }
 * }</pre>
 */
public final class InprocRpc implements AutoCloseable {
  private final ZContext context;
  private final String name;
  private final JeromqRouterServer server;
  private final List<ZmqRpcClient> clients = new ArrayList<>();
  private boolean closed;

  private InprocRpc(ZContext context, String name, JeromqRouterServer server) {
    this.context = context;
    this.name = name;
    this.server = server;
  }

  /** Creates the context and binds the server on a fresh {@code inproc://hatchery-<uuid>}. */
  public static InprocRpc open() throws IOException {
    ZContext context = Sockets.ownContext();
    String name = "hatchery-" + UUID.randomUUID();
    try {
      return new InprocRpc(context, name, JeromqRouterServer.bindInproc(context, name));
    } catch (IOException | RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** The master's end. */
  public RpcServer server() {
    return server;
  }

  /** Connects a new worker end with identity {@code nodeId}. */
  public synchronized RpcClient connect(String nodeId) throws IOException {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    ZmqRpcClient client = ZmqRpcClient.connectInproc(context, name, nodeId);
    clients.add(client);
    return client;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    clients.forEach(ZmqRpcClient::close);
    server.close();
    context.close();
  }
}
