package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.PollItem;
import org.zeromq.ZMQ.Socket;
import org.zeromq.ZMQException;

/**
 * The I/O thread of one ZeroMQ transport, and the queues that connect it to the other threads.
 *
 * <p>Ownership: the sockets, the poll selector and {@link #pending} belong to the I/O thread alone;
 * subclasses create their sockets in {@link #open()} and touch them only from the hooks, which all
 * run on that thread. Other threads talk to it through two bounded queues and a {@link Wakeup} pipe
 * polled together with the sockets, so a queued message is sent at once rather than at the next
 * poll tick.
 *
 * <p>Outbound: callers encode on their own thread and {@code offer} to a queue of {@link
 * #QUEUE_CAPACITY} items; a full queue drops the message and {@code send} returns false. When the
 * socket itself refuses a message (high-water mark, or no peer yet) the loop keeps it and polls for
 * {@code POLLOUT}.
 *
 * <p>Inbound: frames are decoded on the I/O thread into {@link RpcEvent}s and put on a bounded
 * queue. When the consumer falls behind and the queue is full the loop stops reading, so frames
 * wait inside ZeroMQ up to its receive high-water mark (1000 per peer) and then in TCP buffers, and
 * senders are pushed back; memory stays bounded. A consumer that takes an event wakes the loop.
 *
 * <p>Faults: a frame a peer sends can only become a {@link RpcEvent.Malformed}. Any other exception
 * in one loop step is logged through SLF4J and the loop continues; only an {@link Error} ends it,
 * and then {@code receive} throws with that cause. Logging (not an event) is used because no
 * consumer can act on these faults, and because they must not compete with real messages for room
 * in the bounded inbound queue.
 */
abstract class SocketLoop<T> {
  static final int QUEUE_CAPACITY = 10_000;

  /** How long {@code close} lets queued frames drain to peers; Locust uses no bound at all. */
  static final int LINGER_MILLIS = 1_000;

  /** TCP keepalive as Locust sets it on both ends (locust/rpc/zmqrpc.py). */
  private static final int TCP_KEEPALIVE_IDLE_SECONDS = 30;

  /**
   * Longest ZMTP handshake before ZeroMQ drops the connection and reconnects: several round trips
   * even on an intercontinental link (libzmq's default is 30 s; see {@link #newSocket}).
   */
  static final int HANDSHAKE_MILLIS = 3_000;

  private static final Duration START_DEADLINE = Duration.ofSeconds(10);
  private static final Duration CLOSE_DEADLINE = Duration.ofMillis(LINGER_MILLIS + 4_000L);

  /** Safety net only: wake-ups are prompt, this bounds how long a missed one could stall. */
  private static final long IDLE_POLL_MILLIS = 1_000;

  /** Most frames read from one socket per loop step, so outbound traffic is not starved. */
  private static final int READ_BATCH = 256;

  private static final Logger log = LoggerFactory.getLogger(SocketLoop.class);

  final ZContext context;
  final DecodeLimits limits;
  private final boolean ownsContext;
  private final String threadName;
  private final BlockingQueue<T> outbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final BlockingQueue<RpcEvent> inbound;
  private final Wakeup wakeup = new Wakeup();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean readPaused;
  private volatile Throwable failure;

  /** I/O thread only: an item the socket refused (high-water mark); sent before anything else. */
  private T pending;

  SocketLoop(
      String threadName,
      ZContext context,
      boolean ownsContext,
      DecodeLimits limits,
      int inboundCapacity)
      throws IOException {
    this.threadName = threadName;
    this.context = context;
    this.ownsContext = ownsContext;
    this.limits = limits;
    this.inbound = new ArrayBlockingQueue<>(inboundCapacity);
    thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::run);
  }

  /** Creates, binds or connects the sockets. Runs on the I/O thread before anything else. */
  abstract void open() throws IOException;

  /** The sockets to read from; may change after {@link #beforeStep()}. */
  abstract List<Socket> readSockets();

  /** The socket outbound items are written to. */
  abstract Socket writeSocket();

  /** Reads one complete message from {@code socket}, or returns null if none is waiting. */
  abstract RpcEvent read(Socket socket);

  /** Writes one item without blocking; false if the socket refused it (try again later). */
  abstract boolean write(T item);

  /** Closes every socket; runs once on the I/O thread at the end. */
  abstract void closeSockets();

  /** Runs on the I/O thread at the start of each loop step (e.g. a requested reconnect). */
  void beforeStep() throws IOException {}

  /** A context for one transport, with JeroMQ's own threads reporting their deaths loudly. */
  static ZContext ownContext() {
    ZContext context = new ZContext(1);
    context.setUncaughtExceptionHandler(
        (thread, e) -> log.error("ZeroMQ thread {} died", thread.getName(), e));
    context.setNotificationExceptionHandler(
        (thread, e) -> log.error("ZeroMQ notification failed on {}", thread.getName(), e));
    return context;
  }

  /** Starts the I/O thread and waits until {@link #open()} has run; rethrows its failure. */
  final void start() throws IOException {
    thread.start();
    try {
      opened.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      stop();
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case Throwable other -> throw new IOException(threadName + " failed to start", other);
      }
    } catch (TimeoutException e) {
      stop();
      throw new IOException(threadName + " did not start within " + START_DEADLINE, e);
    } catch (InterruptedException e) {
      stop();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(threadName + " start interrupted");
    }
  }

  /** Creates a socket with the options Hatchery uses everywhere. I/O thread only. */
  final Socket newSocket(SocketType type, String endpoint) {
    Socket socket = context.createSocket(type);
    // An IPv6 literal needs an IPv6 socket; `*` and IPv4 keep JeroMQ's default.
    socket.setIPv6(Endpoints.isIpv6Literal(endpoint));
    socket.setLinger(LINGER_MILLIS);
    // A peer announcing a larger frame is disconnected by ZeroMQ's decoder before any buffer is
    // allocated; without this JeroMQ 0.6.0 dies on a 2 GB frame header (reliability.md §3.4).
    socket.setMaxMsgSize(limits.maxFrameBytes());
    socket.setTCPKeepAlive(1);
    socket.setTCPKeepAliveIdle(TCP_KEEPALIVE_IDLE_SECONDS);
    // JeroMQ 0.6.0 sometimes loses the poll registration of a connection whose connect() completed
    // at once (its Poller cancels the new engine's selection key along with the connecter's), so
    // the handshake never starts. The handshake timer still fires and ZeroMQ reconnects: bounding
    // it at HANDSHAKE_MILLIS instead of the default 30 s heals such a link in a few seconds.
    socket.setHandshakeIvl(HANDSHAKE_MILLIS);
    return socket;
  }

  /** Encodes on the caller's thread; rejects frames no peer of ours would accept. */
  final byte[] encode(Message message) {
    byte[] frame = MessageCodec.encode(message);
    if (frame.length > limits.maxFrameBytes()) {
      throw new IllegalArgumentException(
          "encoded "
              + message.type()
              + " is "
              + frame.length
              + " bytes, above the frame limit of "
              + limits.maxFrameBytes());
    }
    return frame;
  }

  /** Decodes on the I/O thread; a decoder bug becomes a malformed frame, not a dead loop. */
  final Message decode(byte[] frame) throws ProtocolException {
    try {
      return MessageCodec.decode(frame, limits);
    } catch (RuntimeException | StackOverflowError e) {
      log.error("{}: decoder threw instead of ProtocolException", threadName, e);
      throw new ProtocolException("decoder failed: " + e, e);
    }
  }

  /** Hands {@code item} to the I/O thread; false if the queue is full or the loop is closed. */
  final boolean enqueue(T item) {
    if (closed.get() || !outbound.offer(item)) {
      return false;
    }
    wakeup();
    return true;
  }

  /** Takes the next inbound event, or null after {@code timeout}. */
  final RpcEvent take(Duration timeout) throws InterruptedException {
    RpcEvent event =
        closed.get() ? inbound.poll() : inbound.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (event == null) {
      Throwable cause = failure;
      if (cause != null) {
        throw new IllegalStateException(threadName + " stopped", cause);
      }
      return null;
    }
    if (readPaused) {
      wakeup();
    }
    return event;
  }

  /** {@link #take} for clients: unwraps a message, or throws the frame's decode error. */
  final Message takeMessage(Duration timeout) throws ProtocolException, InterruptedException {
    return switch (take(timeout)) {
      case null -> null;
      case RpcEvent.Received received -> received.message();
      case RpcEvent.Malformed malformed -> throw malformed.error();
    };
  }

  /** Wakes the I/O thread (from any thread); cheap when a wake-up is already pending. */
  final void wakeup() {
    wakeup.signal();
  }

  /** Stops the loop and joins the I/O thread with a deadline. Idempotent, any thread. */
  final void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopping = true;
    wakeup();
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      if (!thread.join(CLOSE_DEADLINE)) {
        log.warn("{} did not stop within {}", threadName, CLOSE_DEADLINE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  final boolean isIoThreadAlive() {
    return thread.isAlive();
  }

  private void run() {
    Selector selector = null;
    try {
      selector = Selector.open();
      open();
      opened.complete(null);
    } catch (Throwable t) {
      opened.completeExceptionally(t);
      shutdown(selector);
      return;
    }
    try {
      loop(selector);
    } catch (Throwable t) {
      failure = t;
      log.error("{} died", threadName, t);
    } finally {
      shutdown(selector);
    }
  }

  private void loop(Selector selector) {
    while (!stopping) {
      try {
        step(selector);
      } catch (ZMQException e) {
        if (e.getErrorCode() == ZMQ.Error.ETERM.getCode()) {
          failure = stopping ? null : e;
          return;
        }
        unexpected(e);
      } catch (RuntimeException | IOException e) {
        unexpected(e);
      }
    }
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("{}: could not flush queued messages on close", threadName, e);
    }
  }

  private void step(Selector selector) throws IOException {
    beforeStep();
    flush();
    boolean canRead = inbound.remainingCapacity() > 0;
    if (!canRead) {
      readPaused = true;
      // Re-check after publishing the flag: a consumer that took an event in between saw no flag.
      canRead = inbound.remainingCapacity() > 0;
    }
    readPaused = !canRead;
    List<Socket> reads = readSockets();
    PollItem[] items = pollItems(reads, canRead);
    if (ZMQ.poll(selector, items, IDLE_POLL_MILLIS) < 0) {
      throw new ZMQException("selector closed", ZMQ.Error.ETERM.getCode());
    }
    wakeup.drain();
    for (int i = 1; i < items.length; i++) {
      if (items[i].isReadable()) {
        readAvailable(items[i].getSocket());
      }
    }
  }

  private PollItem[] pollItems(List<Socket> reads, boolean canRead) {
    List<PollItem> items = new ArrayList<>(reads.size() + 2);
    items.add(new PollItem(wakeup.source(), ZMQ.Poller.POLLIN));
    Socket write = writeSocket();
    boolean writeListed = false;
    for (Socket socket : reads) {
      int events = canRead ? ZMQ.Poller.POLLIN : 0;
      if (socket == write) {
        writeListed = true;
        events |= pending != null ? ZMQ.Poller.POLLOUT : 0;
      }
      if (events != 0) {
        items.add(new PollItem(socket, events));
      }
    }
    if (!writeListed && pending != null) {
      items.add(new PollItem(write, ZMQ.Poller.POLLOUT));
    }
    return items.toArray(PollItem[]::new);
  }

  private void readAvailable(Socket socket) {
    for (int i = 0; i < READ_BATCH && inbound.remainingCapacity() > 0; i++) {
      RpcEvent event = read(socket);
      if (event == null) {
        return;
      }
      inbound.add(event);
    }
  }

  private void flush() {
    while (true) {
      T item = pending != null ? pending : outbound.poll();
      if (item == null) {
        return;
      }
      // Cleared first: an item whose write throws is dropped (and logged), never retried forever.
      pending = null;
      if (!write(item)) {
        pending = item;
        return;
      }
    }
  }

  private void unexpected(Exception e) {
    log.error("{}: unexpected exception, the loop continues", threadName, e);
    // Keeps a fault that repeats on every step from spinning a core.
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
  }

  private void shutdown(Selector selector) {
    try {
      closeSockets();
      if (selector != null) {
        selector.close();
      }
      if (ownsContext) {
        // Blocks until queued frames are delivered or the sockets' linger expires.
        context.close();
      }
    } catch (RuntimeException | IOException e) {
      log.warn("{}: error while closing sockets", threadName, e);
    } finally {
      try {
        wakeup.close();
      } catch (IOException e) {
        log.debug("{}: closing the wake-up pipe", threadName, e);
      }
    }
  }
}
