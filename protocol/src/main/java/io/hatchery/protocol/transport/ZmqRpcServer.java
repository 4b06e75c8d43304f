package io.hatchery.protocol.transport;

import io.hatchery.protocol.DataReader;
import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.transport.poll.SocketPoller;
import io.hatchery.protocol.transport.poll.SocketPollers;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's TCP transport: a ZeroMQ ROUTER (Locust 0.10 and later) implemented directly on ZMTP
 * 3.x over a {@link SocketPoller} (JDK NIO, or epoll on Linux with JDK 22+), so that one thread
 * serves 10,000 workers at a cost proportional to the traffic, not to the number of connections.
 * Workers connect DEALERs (pyzmq/libzmq, JeroMQ, Locust4j, Boomer) whose identity is their node id;
 * each inbound message arrives as {@code [identity, payload]} and each outbound one leaves as
 * {@code [identity, payload]}, as from libzmq's ROUTER. Frames after the payload are ignored, as
 * Locust ignores them.
 *
 * <p>ROUTER behaviour kept from libzmq as Locust configures it: no {@code ROUTER_MANDATORY} (a
 * message for an unknown node id is dropped); a send high-water mark of 1000 messages per worker
 * (further messages to a stalled worker are dropped, so it never holds up the others); {@code
 * ROUTER_HANDOVER} (a worker that rebuilds its DEALER with the same identity, Locust's {@code
 * reconnect}, takes the identity over at once and its previous connection is closed); a peer that
 * announces no identity gets a generated one (a zero byte and a counter), so its messages arrive as
 * {@link RpcEvent.Malformed}; {@code TCP_KEEPALIVE} with a 30 s idle time, as Locust sets it. A
 * peer that breaks ZMTP (a bad greeting, a security mechanism other than NULL, a socket type that
 * cannot talk to a ROUTER, a frame above {@link DecodeLimits#maxFrameBytes()}, no handshake within
 * 30 s) is disconnected with a rate-limited warning, as ZeroMQ disconnects it; nothing it sends
 * reaches the master as a message.
 *
 * <p>Thread-safety and threading: see {@link RpcServer}. One I/O thread named {@code
 * hatchery-rpc-server} owns the sockets ({@link ZmtpRouterLoop}); callers encode on their own
 * thread (docs/CONCURRENCY.md). Events wait in a queue for {@link #receive}, or, once a consumer is
 * {@link #attach attached}, are handed to it on the I/O thread as they are read (the master's
 * control loop). Standalone mode's {@code inproc://} ROUTER is {@link InprocRpc}'s.
 */
public final class ZmqRpcServer implements RpcServer {
  private static final String THREAD_NAME = "hatchery-rpc-server";
  private static final int ACCEPT_BACKLOG = 4096;

  /**
   * Outbound messages waiting for the I/O thread. Room for ten spawn broadcasts to 10,000 workers:
   * the real bound per worker is {@link ZmtpPeer#HIGH_WATER_MARK}; this one only keeps memory
   * bounded if the I/O thread falls far behind.
   */
  private static final int OUTBOUND_CAPACITY = 100_000;

  private static final Duration LINGER = Duration.ofMillis(Sockets.LINGER_MILLIS);
  private static final Duration CLOSE_DEADLINE = LINGER.plusSeconds(4);

  private static final Logger log = LoggerFactory.getLogger(ZmqRpcServer.class);

  private final FrameCodec frames;
  private final Inbox inbox;
  private final Outbox<Outgoing> outbox = new Outbox<>(OUTBOUND_CAPACITY);
  private final ZmtpRouterLoop loop;
  private final Thread thread;
  private final int port;
  private final String transport;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Throwable failure;

  private ZmqRpcServer(
      SocketPoller poller,
      DecodeLimits limits,
      int inboundCapacity,
      Map<String, DataReader> readers) {
    this.port = poller.localPort();
    this.transport = poller.name();
    this.frames = new FrameCodec(THREAD_NAME, limits, readers);
    this.inbox = new Inbox(inboundCapacity, this::wakeIoThread);
    this.loop =
        new ZmtpRouterLoop(THREAD_NAME, poller, frames, limits.maxFrameBytes(), inbox, outbox);
    this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(this::run);
  }

  /**
   * Binds a ROUTER on {@code tcp://host:port} and starts its I/O thread.
   *
   * @param host interface to bind, or {@code *} for all (Locust's {@code --master-bind-host})
   * @param port TCP port, or 0 for an ephemeral one (read it back with {@link #port()})
   * @throws BindException if the port is in use or the address is not local
   */
  public static ZmqRpcServer bind(String host, int port) throws IOException {
    return bind(host, port, Map.of());
  }

  /**
   * Binds like {@link #bind(String, int)}; the data of the message types in {@code readers} is read
   * by them on the I/O thread (see {@link DataReader}).
   */
  public static ZmqRpcServer bind(String host, int port, Map<String, DataReader> readers)
      throws IOException {
    return bind(host, port, DecodeLimits.DEFAULT, SocketLoop.QUEUE_CAPACITY, readers);
  }

  static ZmqRpcServer bind(String host, int port, DecodeLimits limits, int inboundCapacity)
      throws IOException {
    return bind(host, port, limits, inboundCapacity, Map.of());
  }

  private static ZmqRpcServer bind(
      String host,
      int port,
      DecodeLimits limits,
      int inboundCapacity,
      Map<String, DataReader> readers)
      throws IOException {
    String endpoint = Endpoints.tcp(host, port);
    SocketPoller poller;
    try {
      poller =
          SocketPollers.open(
              address(host, port), ACCEPT_BACKLOG, ZmtpRouterLoop.TCP_KEEPALIVE_IDLE_SECONDS);
    } catch (BindException e) {
      String why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      throw new BindException(
          "cannot bind "
              + endpoint
              + (why.contains("in use") ? ": address already in use" : ": address not available"));
    } catch (UnresolvedAddressException e) {
      throw new IOException("cannot bind " + endpoint + ": unknown host " + host, e);
    }
    try {
      ZmqRpcServer server = new ZmqRpcServer(poller, limits, inboundCapacity, readers);
      log.debug("{} listens on {} through {}", THREAD_NAME, endpoint, server.transport);
      server.thread.start();
      return server;
    } catch (RuntimeException | Error e) {
      poller.close();
      throw e;
    }
  }

  private static InetSocketAddress address(String host, int port) {
    if (host.equals("*")) {
      return new InetSocketAddress(port);
    }
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    return new InetSocketAddress(bracketed ? host.substring(1, host.length() - 1) : host, port);
  }

  /** The TCP port actually bound (the ephemeral one if 0 was asked for). */
  public int port() {
    return port;
  }

  /** The socket layer in use: {@code nio} or {@code epoll} (see {@link SocketPollers}). */
  public String transport() {
    return transport;
  }

  @Override
  public boolean send(String nodeId, Message message) {
    Identities.encode(nodeId);
    byte[] frame = frames.encode(message);
    if (closed.get() || !outbox.offer(new Outgoing(nodeId, frame))) {
      return false;
    }
    if (Thread.currentThread() != thread) {
      loop.wakeUp(); // the I/O thread itself routes the outbox at the end of its step
    }
    return true;
  }

  /**
   * Hands every inbound event from now on to {@code consumer} on the I/O thread, after any events
   * already queued; {@link #receive} may no longer be called, and {@link #wakeReceiver()} makes the
   * loop call {@link IoThreadConsumer#afterStep()}. See {@link IoThreadConsumer}.
   *
   * @throws IllegalStateException if a consumer is already attached
   */
  public void attach(IoThreadConsumer consumer) {
    if (loop.consumer() != null) {
      throw new IllegalStateException("a consumer is already attached");
    }
    loop.attach(consumer);
  }

  @Override
  public RpcEvent receive(Duration timeout) throws InterruptedException {
    if (loop.consumer() != null) {
      throw new IllegalStateException("events go to the consumer attached to " + THREAD_NAME);
    }
    RpcEvent event = inbox.poll(timeout, !closed.get());
    Throwable cause = failure;
    if (event == null && cause != null) {
      throw new IllegalStateException(THREAD_NAME + " stopped", cause);
    }
    return event;
  }

  @Override
  public void wakeReceiver() {
    if (loop.consumer() != null) {
      loop.wakeUp();
    } else {
      inbox.wakeConsumer();
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    loop.stop();
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      if (!thread.join(CLOSE_DEADLINE)) {
        log.warn("{} did not stop within {}", THREAD_NAME, CLOSE_DEADLINE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean isIoThreadAlive() {
    return thread.isAlive();
  }

  /** Events waiting in the inbox; for tests. */
  int queuedEvents() {
    return inbox.size();
  }

  private void wakeIoThread() {
    loop.wakeUp();
  }

  private void run() {
    try {
      loop.run(LINGER);
    } catch (Throwable t) {
      failure = t;
      log.error("{} died", THREAD_NAME, t);
    } finally {
      closed.set(true);
      loop.closeAll();
      IoThreadConsumer consumer = loop.consumer();
      if (consumer != null) {
        consumer.stopped(failure);
      }
    }
  }

  /** One queued outbound message: the worker's node id and the encoded payload. */
  record Outgoing(String nodeId, byte[] frame) {}
}
