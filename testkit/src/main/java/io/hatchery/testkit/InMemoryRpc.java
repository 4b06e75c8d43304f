package io.hatchery.testkit;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.transport.RpcClient;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.RpcServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A master/worker link made of in-memory queues: one {@link Server} and any number of {@link
 * Client}s, each recording what it sent. For runner tests that need no sockets (Locust's {@code
 * mocked_rpc} with its {@code outbox} is the precedent; this implements our seam instead of
 * patching).
 *
 * <p>Every message travels through {@link MessageCodec} exactly as on the wire, so a test sees the
 * same types a real peer would (an {@code Integer} arrives as a {@code Long}) and an unencodable or
 * oversized message fails at {@code send} with {@link IllegalArgumentException}. A message for an
 * unknown or closed node id is recorded and dropped, as a ROUTER drops it. Thread-safe.
 *
 * <pre>{@code
 * InMemoryRpc rpc = new InMemoryRpc();
 * RpcClient worker = rpc.connect("vm_a");
 * worker.send(new Message(MessageType.CLIENT_READY, -1L, "vm_a"));
 * RpcEvent event = rpc.server().receive(Duration.ofSeconds(1)); // Received("vm_a", ...)
 * assertThat(rpc.client("vm_a").sent()).extracting(Message::type)
 *     .containsExactly(MessageType.CLIENT_READY);
 * }</pre>
 */
public final class InMemoryRpc {
  private final Server server = new Server();
  private final Map<String, Client> clients = new ConcurrentHashMap<>();

  /** The master's end. */
  public Server server() {
    return server;
  }

  /** Connects a worker end; a later client with the same node id takes over (ROUTER_HANDOVER). */
  public Client connect(String nodeId) {
    Client client = new Client(nodeId);
    clients.put(nodeId, client);
    return client;
  }

  /** The connected client with {@code nodeId}, for assertions on what it sent and received. */
  public Client client(String nodeId) {
    Client client = clients.get(nodeId);
    if (client == null) {
      throw new IllegalArgumentException("no client " + nodeId);
    }
    return client;
  }

  private static byte[] encode(Message message) {
    byte[] frame = MessageCodec.encode(message);
    if (frame.length > DecodeLimits.DEFAULT.maxFrameBytes()) {
      throw new IllegalArgumentException(
          "encoded " + message.type() + " is " + frame.length + " bytes, above the frame limit");
    }
    return frame;
  }

  private static <T> T poll(BlockingQueue<T> queue, Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** One message a {@link Server} sent, with the node id it was addressed to. */
  public record Sent(String nodeId, Message message) {}

  /** The master's end: sends to clients by node id, receives what they send. */
  public final class Server implements RpcServer {
    /** Ends a {@link #receive} wait; see {@link RpcServer#wakeReceiver()}. */
    private static final Object WAKE_MARKER = new Object();

    private final BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Server() {}

    @Override
    public boolean send(String nodeId, Message message) {
      byte[] frame = encode(message);
      if (closed.get()) {
        return false;
      }
      sent.add(new Sent(nodeId, message));
      Client client = clients.get(nodeId);
      if (client != null) {
        client.deliver(frame);
      }
      return true;
    }

    @Override
    public RpcEvent receive(Duration timeout) throws InterruptedException {
      Object taken = closed.get() ? inbound.poll() : poll(inbound, timeout);
      if (taken == WAKE_MARKER) {
        wakePending.set(false);
        return null;
      }
      return (RpcEvent) taken;
    }

    @Override
    public void wakeReceiver() {
      if (wakePending.compareAndSet(false, true)) {
        inbound.add(WAKE_MARKER);
      }
    }

    @Override
    public void close() {
      closed.set(true);
    }

    /** Everything sent so far, in order, including messages for unknown node ids. */
    public List<Sent> sent() {
      return List.copyOf(sent);
    }

    /**
     * Puts {@code event} in front of the master as if a peer had sent it (e.g. a malformed one).
     */
    public void inject(RpcEvent event) {
      inbound.add(event);
    }

    private void deliver(String nodeId, byte[] frame) {
      if (closed.get()) {
        return;
      }
      try {
        inbound.add(new RpcEvent.Received(nodeId, MessageCodec.decode(frame)));
      } catch (ProtocolException e) {
        inbound.add(new RpcEvent.Malformed(nodeId.getBytes(StandardCharsets.UTF_8), e));
      }
    }
  }

  /** A worker's end: sends to the server, receives what the server addressed to its node id. */
  public final class Client implements RpcClient {
    private final String nodeId;
    private final BlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
    private final List<Message> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Client(String nodeId) {
      this.nodeId = nodeId;
    }

    @Override
    public String nodeId() {
      return nodeId;
    }

    @Override
    public boolean send(Message message) {
      byte[] frame = encode(message);
      if (closed.get()) {
        return false;
      }
      sent.add(message);
      server.deliver(nodeId, frame);
      return true;
    }

    @Override
    public Message receive(Duration timeout) throws ProtocolException, InterruptedException {
      Object next = closed.get() ? inbound.poll() : poll(inbound, timeout);
      if (next instanceof ProtocolException e) {
        throw e;
      }
      return (Message) next;
    }

    @Override
    public void reconnect() {
      reconnects.incrementAndGet();
    }

    @Override
    public void close() {
      closed.set(true);
      clients.remove(nodeId, this);
    }

    /** Everything this client sent so far, in order. */
    public List<Message> sent() {
      return List.copyOf(sent);
    }

    /** How many times {@link #reconnect()} was called. */
    public int reconnects() {
      return reconnects.get();
    }

    /** Makes the next {@link #receive} throw {@code error}, as if the master sent a bad frame. */
    public void inject(ProtocolException error) {
      inbound.add(error);
    }

    private void deliver(byte[] frame) {
      if (closed.get()) {
        return;
      }
      try {
        inbound.add(MessageCodec.decode(frame));
      } catch (ProtocolException e) {
        inbound.add(e);
      }
    }
  }
}
