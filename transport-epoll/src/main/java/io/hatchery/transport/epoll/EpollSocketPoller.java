package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.PolledSocket;
import io.hatchery.protocol.transport.poll.ReadyHandler;
import io.hatchery.protocol.transport.poll.SocketPoller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * {@link SocketPoller} on Linux's epoll, called through the Foreign Function and Memory API: one
 * {@code epoll_wait} per poll, one {@code recv} per readable socket, no per-event lookup (each
 * event carries its socket's slot in an array) and none of JDK NIO's per-call locking.
 *
 * <p>Edge-triggered sockets, level-triggered contract: each connection is registered once, for
 * input and output with {@code EPOLLET}, and never changed (interest is a field of the socket). An
 * edge marks the socket readable or writable until a read or write shows otherwise ({@link
 * EpollSocket}); a socket still readable or writable as its interest asks after its handler ran, or
 * that gains such interest, waits in {@link #pending} and is reported by the next poll, which then
 * does not wait. So the caller sees what a level-triggered poller shows, while the kernel polls
 * each socket once per edge instead of again on every later {@code epoll_wait} (what
 * level-triggered epoll, and therefore JDK NIO, does). The listener and the wake-up eventfd are
 * level-triggered.
 *
 * <p>Tokens: an event's data is the socket's slot in {@link #sockets} in its low 32 bits and a
 * generation, counted per accept, in its high ones. A socket closed while the same poll still holds
 * an event for it has an empty slot, or one a newer socket took with another generation: such an
 * event is dropped.
 *
 * <p>Wake-ups from other threads write to an eventfd in the epoll set. They take a lock shared with
 * {@link #close()} so that a wake-up after close never writes to a descriptor number the process
 * has since reused.
 *
 * <p>Thread-safety: {@link #wakeup()} from any thread; the rest on the I/O thread (opened on the
 * binding thread, which hands it over when it starts the I/O thread).
 */
final class EpollSocketPoller implements SocketPoller {
  static final String NAME = "epoll";

  /** The events that mean a hang-up or an error: reported as whatever the interest asks. */
  static final int FAILED = Syscalls.EPOLLHUP | Syscalls.EPOLLERR;

  private static final int SOCKET_EVENTS =
      Syscalls.EPOLLIN | Syscalls.EPOLLOUT | Syscalls.EPOLLRDHUP | Syscalls.EPOLLET;

  private static final long LISTENER_TOKEN = -1L;
  private static final long WAKEUP_TOKEN = -2L;
  private static final int MAX_EVENTS = 1024;

  private final Syscalls sys;
  private final Arena arena;
  private final Listener listener;
  private final int epollFd;
  private final WakeupEventFd wake;
  private final NativeBuffers buffers;
  private final MemorySegment events;
  private final int[] eventInts = EpollEvents.intsFor(MAX_EVENTS);
  private boolean closed;

  private final SocketSlots<EpollSocket> sockets = new SocketSlots<>();
  private final PendingSockets pending = new PendingSockets();
  private long polls;

  private EpollSocketPoller(
      Syscalls sys, Arena arena, Listener listener, int epollFd, WakeupEventFd wake) {
    this.sys = sys;
    this.arena = arena;
    this.listener = listener;
    this.epollFd = epollFd;
    this.wake = wake;
    this.buffers = new NativeBuffers(arena);
    this.events = arena.allocate(EpollEvents.BYTES * MAX_EVENTS, 8);
  }

  /** See {@link io.hatchery.protocol.transport.poll.SocketPollerProvider#open}. */
  static EpollSocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    Syscalls sys = new Syscalls();
    Arena arena = Arena.ofShared();
    Listener listener = null;
    int epollFd = -1;
    WakeupEventFd wake = null;
    try {
      listener = Listener.open(sys, arena, address, backlog, keepAliveIdleSeconds);
      epollFd = sys.epollCreate();
      wake = new WakeupEventFd(sys, arena);
      sys.epollCtl(epollFd, Syscalls.EPOLL_CTL_ADD, listener.fd, Syscalls.EPOLLIN, LISTENER_TOKEN);
      sys.epollCtl(epollFd, Syscalls.EPOLL_CTL_ADD, wake.fd, Syscalls.EPOLLIN, WAKEUP_TOKEN);
      return new EpollSocketPoller(sys, arena, listener, epollFd, wake);
    } catch (IOException | RuntimeException e) {
      if (listener != null) {
        listener.close();
      }
      if (epollFd >= 0) {
        Syscalls.close(epollFd);
      }
      if (wake != null) {
        wake.close();
      }
      arena.close();
      throw e;
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
    // Sockets still ready from earlier polls are reported now, so this poll does not wait.
    boolean carried = pending.startPoll(++polls);
    int timeout = carried ? 0 : (int) Math.min(Math.max(timeoutMillis, 0), Integer.MAX_VALUE);
    int count = sys.epollWait(epollFd, events, MAX_EVENTS, timeout);
    if (count > 0) {
      EpollEvents.copy(events, count, eventInts);
    }
    // Every socket's edge first, then the reports: with 10,000 connections a socket is rarely in
    // the cache when its event comes, and recording all the edges in one loop lets the processor
    // fetch the sockets side by side instead of one miss per handler call.
    for (int i = 0; i < count; i++) {
      long token = EpollEvents.token(eventInts, i);
      if (token != LISTENER_TOKEN && token != WAKEUP_TOKEN) {
        EpollSocket socket = sockets.find(token);
        if (socket != null) {
          socket.edge(EpollEvents.events(eventInts, i));
        }
      }
    }
    int handed = 0;
    for (int i = 0; i < count; i++) {
      long token = EpollEvents.token(eventInts, i);
      if (token == LISTENER_TOKEN) {
        handed++;
        handler.acceptable();
      } else if (token == WAKEUP_TOKEN) {
        wake.drain(sys);
      } else {
        EpollSocket socket = sockets.find(token); // null if a handler closed it in this poll
        if (socket != null && pending.report(socket, handler)) {
          handed++;
        }
      }
    }
    return handed + pending.reportCarried(handler);
  }

  /**
   * Makes the next poll report {@code socket} (if it is then still open and ready) without an edge.
   */
  void reportAgain(EpollSocket socket) {
    pending.add(socket);
  }

  @Override
  public PolledSocket accept() throws IOException {
    int fd = listener.accept();
    if (fd < 0) {
      return null;
    }
    String peer = listener.lastPeer();
    try {
      return sockets.add(token -> register(fd, token, peer));
    } catch (UncheckedIOException e) {
      Syscalls.close(fd);
      throw e.getCause();
    }
  }

  private EpollSocket register(int fd, long token, String peer) {
    try {
      sys.epollCtl(epollFd, Syscalls.EPOLL_CTL_ADD, fd, SOCKET_EVENTS, token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EpollSocket(fd, token, this, sys, buffers, peer);
  }

  /** Frees {@code socket}'s slot; called by {@link EpollSocket#close()}. */
  void release(EpollSocket socket) {
    sockets.remove(socket);
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
    sockets.forEach(EpollSocket::close);
    listener.close();
    Syscalls.close(epollFd);
    wake.close();
    arena.close();
  }
}
