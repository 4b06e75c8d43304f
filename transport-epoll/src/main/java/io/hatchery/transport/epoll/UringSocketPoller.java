package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.PolledSocket;
import io.hatchery.protocol.transport.poll.ReadyHandler;
import io.hatchery.protocol.transport.poll.SocketPoller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link SocketPoller} on Linux's io_uring (6.1 or later), called through the Foreign Function and
 * Memory API. Each connection has one multishot {@code recv} that the kernel keeps completing into
 * {@link ProvidedBuffers}; a poll is one {@code io_uring_enter}, which receives on every socket
 * that has data and returns the completions, so there is no {@code epoll_wait} and no {@code read}
 * per message. Against epoll with {@code recv}, the read loop of bench/readloop costs about a
 * quarter less.
 *
 * <p>Completions carry user data: a {@link Kind} in the top 4 bits and, for a socket's requests,
 * its {@link SocketSlots} token, so a completion for a socket closed since is dropped (its buffer
 * recycled). The listener and the wake-up eventfd have multishot polls; a completion for the
 * listener makes this poll, and every poll until {@link #accept()} finds nothing, call {@link
 * ReadyHandler#acceptable()}.
 *
 * <p>Level-triggered reporting as {@link EpollSocketPoller}'s: a socket still readable or writable
 * as its interest asks after its handler ran waits in {@link PendingSockets}.
 *
 * <p>A burst from more connections than there are buffers (10,000 workers answering a spawn at
 * once) ends the multishot {@code recv} of every connection that finds none free ({@code ENOBUFS}).
 * Such a connection does not wait for buffers: it gets a one-shot {@code POLLIN} poll and is read
 * with {@code recv(2)}, as epoll would read it, and goes back to a multishot {@code recv} once a
 * read drained it while the pool has room (see {@link #receiveAgain}). Restarting the {@code recv}s
 * instead, a few as buffers came free, left the rest of a burst waiting in the kernel for as many
 * polls as the pool needed to take it.
 *
 * <p>Closing a socket cancels its requests; the kernel closes the connection when the cancellation
 * runs, on the next poll.
 *
 * <p>Thread-safety: {@link #wakeup()} from any thread; {@link #close()} from the I/O thread or
 * after it stopped; the rest on the I/O thread (the first {@link #poll} makes it the ring's
 * issuer).
 */
final class UringSocketPoller implements SocketPoller {
  static final String NAME = "io_uring";

  private static final int SUBMISSION_ENTRIES = 4096;
  private static final int COMPLETION_ENTRIES = 32768;

  /** 2,048 buffers of 8 KiB: 16 MiB, touched once at start; a 10×50 report takes one. */
  private static final int BUFFER_COUNT = 2048;

  private static final int BUFFER_BYTES = 8 * 1024;

  /** What a completion is for: the top 4 bits of its user data. */
  private enum Kind {
    NONE,
    RECV,
    POLL_IN,
    POLL_OUT,
    LISTENER,
    WAKEUP,
    CANCEL;

    static final Kind[] VALUES = values();

    long userData(long token) {
      return ((long) ordinal() << 60) | token;
    }

    static Kind of(long userData) {
      int kind = (int) (userData >>> 60);
      return kind < VALUES.length ? VALUES[kind] : NONE;
    }
  }

  private final Syscalls sys;
  private final Arena arena;
  private final Listener listener;
  private final WakeupEventFd wake;
  private final IoUring uring;
  private final ProvidedBuffers received;
  private final NativeBuffers buffers;
  private final SocketSlots<UringSocket> sockets = new SocketSlots<>();
  private final PendingSockets pending = new PendingSockets();

  private long receivesStarted;
  private long pollsIn;
  private boolean enabled;
  private boolean acceptable;
  private boolean closed;
  private long polls;

  private UringSocketPoller(
      Syscalls sys,
      Arena arena,
      Listener listener,
      WakeupEventFd wake,
      IoUring uring,
      ProvidedBuffers received) {
    this.sys = sys;
    this.arena = arena;
    this.listener = listener;
    this.wake = wake;
    this.uring = uring;
    this.received = received;
    this.buffers = new NativeBuffers(arena);
  }

  /** See {@link io.hatchery.protocol.transport.poll.SocketPollerProvider#open}. */
  static UringSocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    return open(address, backlog, keepAliveIdleSeconds, BUFFER_COUNT, BUFFER_BYTES);
  }

  /**
   * {@link #open(InetSocketAddress, int, int)} with {@code bufferCount} (a power of two) provided
   * buffers of {@code bufferBytes} each (tests run out of them on purpose).
   */
  static UringSocketPoller open(
      InetSocketAddress address,
      int backlog,
      int keepAliveIdleSeconds,
      int bufferCount,
      int bufferBytes)
      throws IOException {
    Syscalls sys = new Syscalls();
    Arena arena = Arena.ofShared();
    Listener listener = null;
    WakeupEventFd wake = null;
    IoUring uring = null;
    try {
      listener = Listener.open(sys, arena, address, backlog, keepAliveIdleSeconds);
      uring = IoUring.open(sys, arena, SUBMISSION_ENTRIES, COMPLETION_ENTRIES);
      ProvidedBuffers received = new ProvidedBuffers(arena, bufferCount, bufferBytes);
      received.register(uring);
      wake = new WakeupEventFd(sys, arena);
      return new UringSocketPoller(sys, arena, listener, wake, uring, received);
    } catch (IOException | RuntimeException e) {
      if (listener != null) {
        listener.close();
      }
      if (uring != null) {
        uring.close();
      }
      if (wake != null) {
        wake.close();
      }
      arena.close();
      throw e;
    }
  }

  /**
   * Whether this kernel and sandbox let a ring be set up as this poller needs: empty if so, else
   * why not.
   */
  static Optional<String> probe() {
    try (Arena arena = Arena.ofConfined()) {
      IoUring.open(new Syscalls(), arena, 8, 16).close();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int localPort() {
    return listener.port;
  }

  @Override
  public int poll(long timeoutMillis, ReadyHandler handler) throws IOException {
    enableOnThisThread();
    boolean carried = pending.startPoll(++polls);
    boolean wait = !carried && !acceptable && timeoutMillis > 0;
    uring.enter(wait, timeoutMillis);
    int handed = 0;
    int count = uring.completions();
    for (int i = 0; i < count; i++) {
      long userData = uring.userData(i);
      int result = uring.result(i);
      int flags = uring.flags(i);
      switch (Kind.of(userData)) {
        case RECV -> handed += onReceived(userData, result, flags, handler);
        case POLL_IN -> handed += onPollIn(userData, handler);
        case POLL_OUT -> handed += onPollOut(userData, handler);
        case LISTENER -> {
          acceptable = true;
          if ((flags & IoUring.CQE_F_MORE) == 0) {
            uring.poll(listener.fd, IoUring.POLLIN, true, Kind.LISTENER.userData(0));
          }
        }
        case WAKEUP -> {
          wake.drain(sys);
          if ((flags & IoUring.CQE_F_MORE) == 0) {
            uring.poll(wake.fd, IoUring.POLLIN, true, Kind.WAKEUP.userData(0));
          }
        }
        case CANCEL, NONE -> {}
      }
    }
    uring.consumed(count);
    if (acceptable) {
      handed++;
      handler.acceptable();
    }
    handed += pending.reportCarried(handler);
    received.publish();
    return handed;
  }

  /** On the first call (from the I/O thread), enables the ring and polls listener and eventfd. */
  private void enableOnThisThread() throws IOException {
    if (!enabled) {
      uring.enable();
      uring.poll(listener.fd, IoUring.POLLIN, true, Kind.LISTENER.userData(0));
      uring.poll(wake.fd, IoUring.POLLIN, true, Kind.WAKEUP.userData(0));
      enabled = true;
    }
  }

  private int onReceived(long userData, int result, int flags, ReadyHandler handler)
      throws IOException {
    boolean hasBuffer = (flags & IoUring.CQE_F_BUFFER) != 0;
    int id = flags >>> IoUring.CQE_BUFFER_SHIFT;
    if (hasBuffer) {
      received.taken();
    }
    UringSocket socket = sockets.find(userData);
    if (socket == null) {
      if (hasBuffer) {
        received.recycle(id);
      }
      return 0;
    }
    socket.received(result, id);
    if ((flags & IoUring.CQE_F_MORE) == 0) {
      socket.receiving = false;
      if (!socket.finished()) {
        pollIn(socket); // out of buffers, or the kernel ended it: wait for data without one
      }
    }
    return pending.report(socket, handler) ? 1 : 0;
  }

  private int onPollIn(long userData, ReadyHandler handler) {
    UringSocket socket = sockets.find(userData);
    if (socket == null) {
      return 0;
    }
    socket.pollInCompleted();
    return pending.report(socket, handler) ? 1 : 0;
  }

  private int onPollOut(long userData, ReadyHandler handler) {
    UringSocket socket = sockets.find(userData);
    if (socket == null) {
      return 0;
    }
    socket.pollOutCompleted();
    return pending.report(socket, handler) ? 1 : 0;
  }

  /**
   * A {@code recv(2)} drained {@code socket}: it receives the next data by a multishot {@code recv}
   * if at least half the pool is free, else by another {@code POLLIN} poll, so that sockets come
   * back to the pool only as fast as it can hold them.
   */
  void receiveAgain(UringSocket socket) {
    if (!socket.isOpen() || socket.receiving || socket.pollingIn) {
      return;
    }
    try {
      if (received.available() * 2 >= received.count()) {
        startReceiving(socket);
      } else {
        pollIn(socket);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startReceiving(UringSocket socket) throws IOException {
    socket.receiving = true;
    receivesStarted++;
    uring.recvMultishot(socket.fd, ProvidedBuffers.GROUP, Kind.RECV.userData(socket.token));
  }

  private void pollIn(UringSocket socket) throws IOException {
    socket.pollingIn = true;
    pollsIn++;
    uring.poll(socket.fd, IoUring.POLLIN, false, Kind.POLL_IN.userData(socket.token));
  }

  /**
   * How many multishot {@code recv}s were started: one per accepted socket, plus returns (tests).
   */
  long receivesStarted() {
    return receivesStarted;
  }

  /** How many {@code POLLIN} polls were started for sockets the pool could not hold (tests). */
  long pollsIn() {
    return pollsIn;
  }

  /** Makes the next poll report {@code socket} (if it is then still open and ready). */
  void reportAgain(UringSocket socket) {
    pending.add(socket);
  }

  /** Asks for a completion when {@code socket}'s send buffer has room. */
  void pollOut(UringSocket socket) {
    try {
      uring.poll(socket.fd, IoUring.POLLOUT, false, Kind.POLL_OUT.userData(socket.token));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public PolledSocket accept() throws IOException {
    enableOnThisThread();
    int fd = listener.accept();
    if (fd < 0) {
      acceptable = false;
      return null;
    }
    String peer = listener.lastPeer();
    UringSocket socket =
        sockets.add(token -> new UringSocket(fd, token, this, sys, buffers, received, peer));
    try {
      startReceiving(socket);
      uring.submit();
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    return socket;
  }

  /**
   * Frees {@code socket}'s slot and cancels its requests; called by {@link UringSocket#close()}.
   */
  void release(UringSocket socket) {
    sockets.remove(socket);
    if (closed) {
      return; // closing the ring cancels everything
    }
    try {
      if (socket.receiving) {
        uring.cancel(Kind.RECV.userData(socket.token), Kind.CANCEL.userData(0));
      }
      if (socket.pollingIn) {
        uring.cancel(Kind.POLL_IN.userData(socket.token), Kind.CANCEL.userData(0));
      }
      if (socket.pollingOut) {
        uring.cancel(Kind.POLL_OUT.userData(socket.token), Kind.CANCEL.userData(0));
      }
      uring.submit(); // before the descriptor closes: see IoUring.submit
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void forEachSocket(Consumer<PolledSocket> action) {
    sockets.forEach(action);
  }

  @Override
  public void wakeup() {
    wake.wakeup();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sockets.forEach(UringSocket::close);
    listener.close();
    uring.close();
    wake.close();
    arena.close();
  }
}
