package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.hatchery.protocol.transport.poll.PolledSocket;
import io.hatchery.protocol.transport.poll.ReadyHandler;
import io.hatchery.protocol.transport.poll.SocketPoller;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * {@link SocketPoller} on Linux's epoll, called through the Foreign Function and Memory API: one
 * {@code epoll_wait} per poll, one {@code read} per readable socket, no per-event lookup (each
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
  private static final int SCRATCH_BYTES = 64 * 1024;
  private static final int MAX_ACCEPT_RETRIES = 16;

  private final Syscalls sys = new Syscalls();
  private final Arena arena = Arena.ofShared();
  private final int listenFd;
  private final int epollFd;
  private final int wakeFd;
  private final int port;
  private final int keepAliveIdleSeconds;
  private final MemorySegment events = arena.allocate(EpollEvents.BYTES * MAX_EVENTS, 8);
  private final int[] eventInts = EpollEvents.intsFor(MAX_EVENTS);
  private final MemorySegment acceptAddress = arena.allocate(SocketAddresses.MAX_BYTES, 8);
  private final MemorySegment acceptAddressLength = arena.allocate(JAVA_INT);
  private final MemorySegment wakeValue = arena.allocateFrom(JAVA_LONG, 1L);
  private final MemorySegment drained = arena.allocate(JAVA_LONG);
  private MemorySegment scratch;
  private ByteBuffer lastBuffer;
  private long lastAddress;

  /** Guards {@link #wakeFdOpen} and every write to or close of {@link #wakeFd}. */
  private final Object wakeLock = new Object();

  private boolean wakeFdOpen = true;
  private boolean closed;

  private EpollSocket[] sockets = new EpollSocket[64];
  private int[] freeSlots = new int[64];
  private int freeCount;
  private int slotsUsed;
  private int generation;

  /** Sockets to report on the next poll without a new edge; {@link #spare} is swapped in. */
  private EpollSocket[] pending = new EpollSocket[64];

  private int pendingCount;
  private EpollSocket[] spare = new EpollSocket[64];
  private long polls;

  private EpollSocketPoller(
      int listenFd, int epollFd, int wakeFd, int port, int keepAliveIdleSeconds) {
    this.listenFd = listenFd;
    this.epollFd = epollFd;
    this.wakeFd = wakeFd;
    this.port = port;
    this.keepAliveIdleSeconds = keepAliveIdleSeconds;
  }

  /** See {@link io.hatchery.protocol.transport.poll.SocketPollerProvider#open}. */
  static EpollSocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    if (address.isUnresolved()) {
      throw new UnresolvedAddressException();
    }
    Syscalls sys = new Syscalls();
    int listenFd = listen(sys, address, backlog);
    int epollFd = -1;
    int wakeFd = -1;
    EpollSocketPoller poller;
    try {
      epollFd = sys.epollCreate();
      wakeFd = sys.eventfd();
      poller =
          new EpollSocketPoller(
              listenFd, epollFd, wakeFd, sys.localPort(listenFd), keepAliveIdleSeconds);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(listenFd);
      if (epollFd >= 0) {
        Syscalls.close(epollFd);
      }
      if (wakeFd >= 0) {
        Syscalls.close(wakeFd);
      }
      throw e;
    }
    try {
      poller.control(Syscalls.EPOLL_CTL_ADD, listenFd, Syscalls.EPOLLIN, LISTENER_TOKEN);
      poller.control(Syscalls.EPOLL_CTL_ADD, wakeFd, Syscalls.EPOLLIN, WAKEUP_TOKEN);
      return poller;
    } catch (IOException | RuntimeException e) {
      poller.close();
      throw e;
    }
  }

  /**
   * A listening socket on {@code address}: IPv4 for an IPv4 address; IPv6 for an IPv6 one; for the
   * wildcard, one dual-stack IPv6 socket (as JDK NIO binds it), or IPv4 where IPv6 is off.
   */
  private static int listen(Syscalls sys, InetSocketAddress address, int backlog)
      throws IOException {
    InetAddress ip = address.getAddress();
    int family =
        ip.getAddress().length == 16 || ip.isAnyLocalAddress()
            ? Syscalls.AF_INET6
            : Syscalls.AF_INET;
    int fd = sys.socket(family);
    if (fd == -Errno.EAFNOSUPPORT && ip.isAnyLocalAddress()) {
      family = Syscalls.AF_INET;
      fd = sys.socket(family);
    }
    if (fd < 0) {
      throw Errno.exception("socket", -fd);
    }
    try (Arena scope = Arena.ofConfined()) {
      sys.setInt(fd, Syscalls.SOL_SOCKET, Syscalls.SO_REUSEADDR, 1);
      if (family == Syscalls.AF_INET6 && ip.isAnyLocalAddress()) {
        sys.setInt(fd, Syscalls.IPPROTO_IPV6, Syscalls.IPV6_V6ONLY, 0);
      }
      sys.bind(fd, SocketAddresses.encode(scope, family, ip, address.getPort()));
      sys.listen(fd, backlog);
      return fd;
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      throw e;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int localPort() {
    return port;
  }

  @Override
  public int poll(long timeoutMillis, ReadyHandler handler) throws IOException {
    long poll = ++polls;
    // Sockets still ready from earlier polls are reported now, so this poll does not wait.
    EpollSocket[] carried = pending;
    int carriedCount = pendingCount;
    pending = spare;
    pendingCount = 0;
    spare = carried;
    for (int i = 0; i < carriedCount; i++) {
      carried[i].pending = false;
    }
    int timeout =
        carriedCount > 0 ? 0 : (int) Math.min(Math.max(timeoutMillis, 0), Integer.MAX_VALUE);
    int count = sys.epollWait(epollFd, events, MAX_EVENTS, timeout);
    if (count > 0) {
      EpollEvents.copy(events, count, eventInts);
    }
    int handed = 0;
    for (int i = 0; i < count; i++) {
      long token = EpollEvents.token(eventInts, i);
      if (token == LISTENER_TOKEN) {
        handed++;
        handler.acceptable();
      } else if (token == WAKEUP_TOKEN) {
        sys.read(wakeFd, drained.address(), Long.BYTES); // resets the counter; EAGAIN if read
      } else {
        EpollSocket socket = socketFor(token);
        if (socket != null) {
          socket.edge(EpollEvents.events(eventInts, i));
          if (report(socket, poll, handler)) {
            handed++;
          }
        }
      }
    }
    for (int i = 0; i < carriedCount; i++) {
      EpollSocket socket = carried[i];
      carried[i] = null;
      if (socket.isOpen() && report(socket, poll, handler)) {
        handed++;
      }
    }
    return handed;
  }

  /**
   * Hands {@code socket} to {@code handler} if its interest asks for what it can do and this poll
   * has not already; afterwards keeps it pending while that is still so.
   */
  private boolean report(EpollSocket socket, long poll, ReadyHandler handler) {
    if (socket.reportedInPoll == poll || !socket.reportable()) {
      return false;
    }
    socket.reportedInPoll = poll;
    handler.ready(socket, socket.readable(), socket.writable());
    if (socket.isOpen() && socket.reportable()) {
      reportAgain(socket);
    }
    return true;
  }

  /**
   * Makes the next poll report {@code socket} (if it is then still open and ready) without an edge.
   */
  void reportAgain(EpollSocket socket) {
    if (socket.pending) {
      return;
    }
    socket.pending = true;
    if (pendingCount == pending.length) {
      pending = Arrays.copyOf(pending, pendingCount * 2);
      spare = new EpollSocket[pending.length];
    }
    pending[pendingCount++] = socket;
  }

  private EpollSocket socketFor(long token) {
    int slot = (int) token;
    if (slot < 0 || slot >= slotsUsed) {
      return null;
    }
    EpollSocket socket = sockets[slot];
    return socket != null && socket.token == token ? socket : null;
  }

  @Override
  public PolledSocket accept() throws IOException {
    for (int attempt = 0; attempt < MAX_ACCEPT_RETRIES; attempt++) {
      acceptAddressLength.set(JAVA_INT, 0, SocketAddresses.MAX_BYTES);
      int fd = sys.accept(listenFd, acceptAddress, acceptAddressLength);
      if (fd >= 0) {
        return accepted(fd);
      }
      int errno = -fd;
      if (errno == Errno.EAGAIN) {
        return null;
      }
      // A connection that failed between its arrival and the accept, or a signal: try the next.
      if (errno != Errno.ECONNABORTED && errno != Errno.EINTR && errno != Errno.EPROTO) {
        throw Errno.exception("accept4", errno);
      }
    }
    return null;
  }

  private EpollSocket accepted(int fd) throws IOException {
    try {
      sys.setInt(fd, Syscalls.IPPROTO_TCP, Syscalls.TCP_NODELAY, 1);
      sys.setInt(fd, Syscalls.SOL_SOCKET, Syscalls.SO_KEEPALIVE, 1);
      sys.setInt(fd, Syscalls.IPPROTO_TCP, Syscalls.TCP_KEEPIDLE, keepAliveIdleSeconds);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      throw e;
    }
    int slot = takeSlot();
    long token = ((long) generation++ << 32) | slot;
    try {
      sys.epollCtl(epollFd, Syscalls.EPOLL_CTL_ADD, fd, SOCKET_EVENTS, token);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      freeSlot(slot);
      throw e;
    }
    EpollSocket socket =
        new EpollSocket(fd, token, this, sys, SocketAddresses.describe(acceptAddress));
    sockets[slot] = socket;
    return socket;
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == sockets.length) {
      sockets = Arrays.copyOf(sockets, sockets.length * 2);
    }
    return slotsUsed++;
  }

  /** Frees {@code socket}'s slot; called by {@link EpollSocket#close()}. */
  void release(EpollSocket socket) {
    int slot = (int) socket.token;
    if (sockets[slot] != socket) {
      return;
    }
    sockets[slot] = null;
    freeSlot(slot);
  }

  private void freeSlot(int slot) {
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
    }
    freeSlots[freeCount++] = slot;
  }

  private void control(int operation, int fd, int events, long token) throws IOException {
    sys.epollCtl(epollFd, operation, fd, events, token);
  }

  /**
   * The native address of direct buffer {@code buffer}'s first byte (index 0). Cached for the last
   * buffer asked about: the ROUTER reads every socket into the same one. I/O thread.
   */
  long addressOf(ByteBuffer buffer) {
    if (buffer != lastBuffer) {
      lastAddress = MemorySegment.ofBuffer(buffer.duplicate().clear()).address();
      lastBuffer = buffer;
    }
    return lastAddress;
  }

  /** A native buffer for heap {@link java.nio.ByteBuffer}s, made on first use. I/O thread. */
  MemorySegment scratch() {
    if (scratch == null) {
      scratch = arena.allocate(SCRATCH_BYTES, 8);
    }
    return scratch;
  }

  @Override
  public void forEachSocket(Consumer<PolledSocket> action) {
    for (int slot = 0; slot < slotsUsed; slot++) {
      EpollSocket socket = sockets[slot];
      if (socket != null) {
        action.accept(socket);
      }
    }
  }

  @Override
  public void wakeup() {
    synchronized (wakeLock) {
      if (wakeFdOpen) {
        Syscalls.write(wakeFd, wakeValue, Long.BYTES);
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int slot = 0; slot < slotsUsed; slot++) {
      EpollSocket socket = sockets[slot];
      if (socket != null) {
        socket.close();
      }
    }
    Syscalls.close(listenFd);
    Syscalls.close(epollFd);
    synchronized (wakeLock) {
      wakeFdOpen = false;
      Syscalls.close(wakeFd);
    }
    arena.close();
  }
}
