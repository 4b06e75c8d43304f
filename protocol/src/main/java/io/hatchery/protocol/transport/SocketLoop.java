package io.hatchery.protocol.transport;

import io.hatchery.protocol.DecodeLimits;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.PollItem;
import org.zeromq.ZMQ.Socket;
import org.zeromq.ZMQException;

/**
 * The I/O thread of one ZeroMQ transport, and the queues that connect it to the other threads.
 *
 * <p>Ownership: the sockets, the poll selector and the {@link Outbox}'s pending item belong to the
 * I/O thread alone; subclasses create their sockets in {@link #open()} (with {@link #sockets},
 * which closes them all at the end) and touch them only from the hooks, which all run on that
 * thread. Other threads talk to it through two bounded queues and a {@link Wakeup} pipe polled
 * together with the sockets, so a queued message is sent at once rather than at the next poll tick.
 *
 * <p>Outbound: callers encode on their own thread (with {@link #frames}) and hand the item to an
 * {@link Outbox} of {@link #QUEUE_CAPACITY} items; a full one drops it and {@code send} returns
 * false. When the socket itself refuses an item the loop keeps it and polls for {@code POLLOUT}.
 *
 * <p>Inbound: frames are decoded on the I/O thread into {@link RpcEvent}s (by {@link FrameCodec})
 * and put in a bounded {@link Inbox}, which stops the loop reading while it is full.
 *
 * <p>Faults: a frame a peer sends can only become a {@link RpcEvent.Malformed}. Any other exception
 * in one loop step is logged through SLF4J and the loop continues; only an {@link Error} ends it,
 * and then {@code receive} throws with that cause. Logging (not an event) is used because no
 * consumer can act on these faults, and because they must not compete with real messages for room
 * in the bounded inbound queue.
 */
abstract class SocketLoop<T> {
  static final int QUEUE_CAPACITY = 10_000;

  private static final Duration START_DEADLINE = Duration.ofSeconds(10);
  private static final Duration CLOSE_DEADLINE = Duration.ofMillis(Sockets.LINGER_MILLIS + 4_000L);

  /** Safety net only: wake-ups are prompt, this bounds how long a missed one could stall. */
  private static final long IDLE_POLL_MILLIS = 1_000;

  /** Most frames read from one socket per loop step, so outbound traffic is not starved. */
  private static final int READ_BATCH = 256;

  private static final Logger log = LoggerFactory.getLogger(SocketLoop.class);

  final FrameCodec frames;

  /** I/O thread only. */
  final Sockets sockets;

  private final String threadName;
  private final Outbox<T> outbox = new Outbox<>(QUEUE_CAPACITY);
  private final Wakeup wakeup = new Wakeup();
  private final Inbox inbox;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile Throwable failure;

  /** I/O thread only: the sockets named by {@link #useSockets}. */
  private Socket readSocket;

  private Socket writeSocket;

  SocketLoop(
      String threadName,
      ZContext context,
      boolean ownsContext,
      DecodeLimits limits,
      int inboundCapacity)
      throws IOException {
    this.threadName = threadName;
    this.sockets = new Sockets(context, ownsContext, limits.maxFrameBytes());
    this.frames = new FrameCodec(threadName, limits);
    this.inbox = new Inbox(inboundCapacity, wakeup::signal);
    thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::run);
  }

  /** Creates, binds or connects the sockets. Runs on the I/O thread before anything else. */
  abstract void open() throws IOException;

  /** Reads one complete message from {@code socket} (see {@link FrameCodec}), or null if none. */
  abstract RpcEvent read(Socket socket);

  /** Writes one item to {@code socket} without blocking; false if it refused (try again later). */
  abstract boolean write(Socket socket, T item);

  /** Runs on the I/O thread at the start of each loop step (e.g. a requested reconnect). */
  void beforeStep() throws IOException {}

  /**
   * Names the socket to read from and the one outbound items are written to (the same one for
   * DEALER and ROUTER). {@link #open()} calls it as soon as the sockets exist, before it binds or
   * connects them. I/O thread only.
   */
  final void useSockets(Socket read, Socket write) {
    this.readSocket = read;
    this.writeSocket = write;
  }

  /**
   * Starts the I/O thread of {@code loop} and waits until {@link #open()} has run; rethrows its
   * failure on the caller's thread. Factory methods return what this returns.
   */
  static <L extends SocketLoop<?>> L started(L loop) throws IOException {
    ((SocketLoop<?>) loop).start();
    return loop;
  }

  private void start() throws IOException {
    thread.start();
    try {
      opened.get(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      close();
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case Throwable other -> throw new IOException(threadName + " failed to start", other);
      }
    } catch (TimeoutException e) {
      close();
      throw new IOException(threadName + " did not start within " + START_DEADLINE, e);
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(threadName + " start interrupted");
    }
  }

  /** Hands {@code item} to the I/O thread; false if the queue is full or the loop is closed. */
  final boolean enqueue(T item) {
    if (closed.get() || !outbox.offer(item)) {
      return false;
    }
    wakeup();
    return true;
  }

  /** Takes the next inbound event, or null after {@code timeout}. */
  final RpcEvent take(Duration timeout) throws InterruptedException {
    RpcEvent event = inbox.poll(timeout, !closed.get());
    Throwable cause = failure;
    if (event == null && cause != null) {
      throw new IllegalStateException(threadName + " stopped", cause);
    }
    return event;
  }

  /** See {@link RpcServer#wakeReceiver()}. Any thread. */
  public final void wakeReceiver() {
    inbox.wakeConsumer();
  }

  /** Wakes the I/O thread (from any thread); cheap when a wake-up is already pending. */
  final void wakeup() {
    wakeup.signal();
  }

  /**
   * Stops the loop and joins the I/O thread with a deadline. Idempotent, any thread; this is the
   * {@code close()} of {@link RpcClient} and {@link RpcServer}.
   */
  public void close() {
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
      outbox.flush(item -> write(writeSocket, item));
    } catch (RuntimeException e) {
      log.warn("{}: could not flush queued messages on close", threadName, e);
    }
  }

  private void step(Selector selector) throws IOException {
    beforeStep();
    outbox.flush(item -> write(writeSocket, item));
    boolean canRead = inbox.readable();
    PollItem[] items = pollItems(canRead);
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

  private PollItem[] pollItems(boolean canRead) {
    List<PollItem> items = new ArrayList<>(3);
    items.add(new PollItem(wakeup.source(), ZMQ.Poller.POLLIN));
    int readEvents = canRead ? ZMQ.Poller.POLLIN : 0;
    int writeEvents = outbox.hasPending() ? ZMQ.Poller.POLLOUT : 0;
    if (readSocket == writeSocket) {
      readEvents |= writeEvents;
      writeEvents = 0;
    }
    if (readEvents != 0) {
      items.add(new PollItem(readSocket, readEvents));
    }
    if (writeEvents != 0) {
      items.add(new PollItem(writeSocket, writeEvents));
    }
    return items.toArray(PollItem[]::new);
  }

  private void readAvailable(Socket socket) {
    for (int i = 0; i < READ_BATCH && inbox.hasRoom(); i++) {
      RpcEvent event = read(socket);
      if (event == null) {
        break;
      }
      inbox.add(event);
    }
    inbox.publish();
  }

  private void unexpected(Exception e) {
    log.error("{}: unexpected exception, the loop continues", threadName, e);
    // Keeps a fault that repeats on every step from spinning a core.
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
  }

  private void shutdown(Selector selector) {
    try {
      sockets.closeAll(false);
      if (selector != null) {
        selector.close();
      }
      // Blocks until queued frames are delivered or the sockets' linger expires.
      sockets.closeContext();
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
