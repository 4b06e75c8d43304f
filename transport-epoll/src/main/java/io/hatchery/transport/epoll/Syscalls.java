package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library's socket, epoll, eventfd and mmap calls, and {@code syscall(2)} for io_uring's,
 * through the Foreign Function and Memory API, each with its {@code errno} captured. Every method
 * either returns a usable result or throws, except where it says which {@code errno} it hands back
 * (as a negative result) for the caller to act on.
 *
 * <p>Thread-safety: an instance holds the buffer its calls capture {@code errno} into, so it
 * belongs to one thread at a time (the poller's I/O thread; the binding thread before it starts).
 * {@link #close(int)} and {@link #write(int, MemorySegment, long)} capture nothing and may be
 * called from any thread.
 */
final class Syscalls {
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int SOCK_STREAM = 1;
  static final int SOCK_NONBLOCK = 0x800;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int SOL_SOCKET = 1;
  static final int SO_REUSEADDR = 2;
  static final int SO_KEEPALIVE = 9;
  static final int IPPROTO_TCP = 6;
  static final int TCP_NODELAY = 1;
  static final int TCP_KEEPIDLE = 4;
  static final int IPPROTO_IPV6 = 41;
  static final int IPV6_V6ONLY = 26;
  static final int MSG_NOSIGNAL = 0x4000;
  static final int EPOLL_CLOEXEC = 0x80000;
  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLL_CTL_MOD = 3;
  static final int EPOLLIN = 0x001;
  static final int EPOLLOUT = 0x004;
  static final int EPOLLERR = 0x008;
  static final int EPOLLHUP = 0x010;
  static final int EPOLLRDHUP = 0x2000;
  static final int EPOLLET = 1 << 31;
  static final int PROT_READ = 1;
  static final int PROT_WRITE = 2;
  static final int MAP_SHARED = 1;
  static final int MAP_POPULATE = 0x8000;
  static final int EFD_NONBLOCK = 0x800;
  static final int EFD_CLOEXEC = 0x80000;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

  private static final MethodHandle SOCKET =
      capturing("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle SETSOCKOPT =
      capturing(
          "setsockopt",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle BIND =
      capturing("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle LISTEN =
      capturing("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle GETSOCKNAME =
      capturing("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle ACCEPT4 =
      capturing("accept4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
  // The buffer as a raw address (a C pointer and a long are passed alike on x86-64 and AArch64):
  // no MemorySegment to make and check per message; callers keep the buffer reachable.
  private static final MethodHandle READ =
      capturing("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
  private static final MethodHandle RECV =
      capturing("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
  private static final MethodHandle SEND =
      capturing("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
  private static final MethodHandle EPOLL_CREATE1 =
      capturing("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle EPOLL_CTL =
      capturing(
          "epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
  private static final MethodHandle EPOLL_WAIT =
      capturing(
          "epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
  private static final MethodHandle EVENTFD =
      capturing("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  // io_uring has no C library wrapper here: syscall(2), variadic after the number.
  private static final MethodHandle SYSCALL4 =
      LINKER.downcallHandle(
          symbol("syscall"),
          FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
          CAPTURE_ERRNO,
          Linker.Option.firstVariadicArg(1));
  private static final MethodHandle SYSCALL6 =
      LINKER.downcallHandle(
          symbol("syscall"),
          FunctionDescriptor.of(
              JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
              JAVA_LONG),
          CAPTURE_ERRNO,
          Linker.Option.firstVariadicArg(1));
  private static final MethodHandle MMAP =
      capturing(
          "mmap",
          FunctionDescriptor.of(
              JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
  private static final MethodHandle MUNMAP =
      plain("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
  private static final MethodHandle CLOSE =
      plain("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle WRITE =
      plain("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

  /** Where this instance's calls capture {@code errno}. */
  private final MemorySegment callState = Arena.ofAuto().allocate(CALL_STATE);

  /** One epoll_event for {@link #epollCtl}, laid out as {@link EpollEvents} says. */
  private final MemorySegment ctlEvent = Arena.ofAuto().allocate(EpollEvents.BYTES, 8);

  @SuppressWarnings("restricted") // the reason for this class; needs --enable-native-access
  private static MethodHandle capturing(String name, FunctionDescriptor descriptor) {
    return LINKER.downcallHandle(symbol(name), descriptor, CAPTURE_ERRNO);
  }

  @SuppressWarnings("restricted")
  private static MethodHandle plain(String name, FunctionDescriptor descriptor) {
    return LINKER.downcallHandle(symbol(name), descriptor);
  }

  private static MemorySegment symbol(String name) {
    return LINKER
        .defaultLookup()
        .find(name)
        .orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in the C library"));
  }

  private int errno() {
    return (int) ERRNO.get(callState, 0L);
  }

  /**
   * A new socket of {@code domain} (non-blocking, close-on-exec); negative {@code errno} on
   * failure.
   */
  int socket(int domain) {
    int fd;
    try {
      fd =
          (int)
              SOCKET.invokeExact(callState, domain, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    return fd >= 0 ? fd : -errno();
  }

  /** Sets an int socket option. */
  void setInt(int fd, int level, int option, int value) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment holder = arena.allocateFrom(JAVA_INT, value);
      int result;
      try {
        result = (int) SETSOCKOPT.invokeExact(callState, fd, level, option, holder, Integer.BYTES);
      } catch (Throwable t) {
        throw unexpected(t);
      }
      if (result != 0) {
        throw Errno.exception("setsockopt", errno());
      }
    }
  }

  /** Binds {@code fd} to a sockaddr; throws {@link java.net.BindException} as the JDK words it. */
  void bind(int fd, MemorySegment address) throws IOException {
    int result;
    try {
      result = (int) BIND.invokeExact(callState, fd, address, (int) address.byteSize());
    } catch (Throwable t) {
      throw unexpected(t);
    }
    if (result != 0) {
      throw Errno.bindException(errno());
    }
  }

  void listen(int fd, int backlog) throws IOException {
    int result;
    try {
      result = (int) LISTEN.invokeExact(callState, fd, backlog);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    if (result != 0) {
      throw Errno.exception("listen", errno());
    }
  }

  /** The port {@code fd} is bound to. */
  int localPort(int fd) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment address = arena.allocate(SocketAddresses.MAX_BYTES, 8);
      MemorySegment length = arena.allocateFrom(JAVA_INT, SocketAddresses.MAX_BYTES);
      int result;
      try {
        result = (int) GETSOCKNAME.invokeExact(callState, fd, address, length);
      } catch (Throwable t) {
        throw unexpected(t);
      }
      if (result != 0) {
        throw Errno.exception("getsockname", errno());
      }
      return SocketAddresses.port(address);
    }
  }

  /**
   * Accepts a connection (non-blocking, close-on-exec), writing the peer's sockaddr to {@code
   * address} and its length to {@code length} (which holds the room on entry).
   *
   * @return the new descriptor, or a negative {@code errno}
   */
  int accept(int fd, MemorySegment address, MemorySegment length) {
    int result;
    try {
      result =
          (int) ACCEPT4.invokeExact(callState, fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    return result >= 0 ? result : -errno();
  }

  /**
   * Reads up to {@code bytes} into native memory at {@code address}.
   *
   * @return bytes read (0 at end of stream), or a negative {@code errno}
   */
  long read(int fd, long address, long bytes) {
    long result;
    try {
      result = (long) READ.invokeExact(callState, fd, address, bytes);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    return result >= 0 ? result : -errno();
  }

  /**
   * Receives up to {@code bytes} from socket {@code fd} into native memory at {@code address}. For
   * a socket it does what {@link #read} does, but skips the file layer ({@code vfs_read}): about
   * 0.45 µs less per call on Linux 6.18 (bench/readloop).
   *
   * @return bytes received, 0 at end of stream, or a negative {@code errno}
   */
  long recv(int fd, long address, long bytes) {
    long result;
    try {
      result = (long) RECV.invokeExact(callState, fd, address, bytes, 0);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    return result >= 0 ? result : -errno();
  }

  /**
   * Sends up to {@code bytes} from native memory at {@code address}, without raising {@code
   * SIGPIPE}.
   *
   * @return bytes sent, or a negative {@code errno}
   */
  long send(int fd, long address, long bytes) {
    long result;
    try {
      result = (long) SEND.invokeExact(callState, fd, address, bytes, MSG_NOSIGNAL);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    return result >= 0 ? result : -errno();
  }

  int epollCreate() throws IOException {
    int result;
    try {
      result = (int) EPOLL_CREATE1.invokeExact(callState, EPOLL_CLOEXEC);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    if (result < 0) {
      throw Errno.exception("epoll_create1", errno());
    }
    return result;
  }

  /** Adds, changes or removes {@code fd}'s registration, with {@code token} as its event data. */
  void epollCtl(int epollFd, int operation, int fd, int events, long token) throws IOException {
    EpollEvents.set(ctlEvent, 0, events, token);
    int result;
    try {
      result = (int) EPOLL_CTL.invokeExact(callState, epollFd, operation, fd, ctlEvent);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    if (result != 0) {
      throw Errno.exception("epoll_ctl", errno());
    }
  }

  /**
   * Waits for events into {@code events} (room for {@code max}).
   *
   * @return how many arrived; 0 when a signal interrupted the wait
   */
  int epollWait(int epollFd, MemorySegment events, int max, int timeoutMillis) throws IOException {
    int result;
    try {
      result = (int) EPOLL_WAIT.invokeExact(callState, epollFd, events, max, timeoutMillis);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    if (result >= 0) {
      return result;
    }
    int errno = errno();
    if (errno == Errno.EINTR) {
      return 0;
    }
    throw Errno.exception("epoll_wait", errno);
  }

  /** A non-blocking, close-on-exec eventfd. */
  int eventfd() throws IOException {
    int result;
    try {
      result = (int) EVENTFD.invokeExact(callState, 0, EFD_NONBLOCK | EFD_CLOEXEC);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    if (result < 0) {
      throw Errno.exception("eventfd", errno());
    }
    return result;
  }

  /**
   * Closes {@code fd}; its result is ignored, as Linux frees the descriptor either way. Any thread.
   */
  static void close(int fd) {
    try {
      int ignored = (int) CLOSE.invokeExact(fd);
    } catch (Throwable t) {
      throw unexpected(t);
    }
  }

  /**
   * Writes without capturing {@code errno}, for wake-ups from any thread; the result is ignored.
   */
  static void write(int fd, MemorySegment buffer, long bytes) {
    try {
      long ignored = (long) WRITE.invokeExact(fd, buffer, bytes);
    } catch (Throwable t) {
      throw unexpected(t);
    }
  }

  /**
   * System call {@code number} with four arguments.
   *
   * @return its result, or a negative {@code errno}
   */
  long syscall(long number, long a, long b, long c, long d) {
    long result;
    try {
      result = (long) SYSCALL4.invokeExact(callState, number, a, b, c, d);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    return result >= 0 ? result : -errno();
  }

  /**
   * System call {@code number} with six arguments.
   *
   * @return its result, or a negative {@code errno}
   */
  long syscall(long number, long a, long b, long c, long d, long e, long f) {
    long result;
    try {
      result = (long) SYSCALL6.invokeExact(callState, number, a, b, c, d, e, f);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    return result >= 0 ? result : -errno();
  }

  /**
   * Maps {@code bytes} of {@code fd} at {@code offset}, shared and read-write, populated.
   *
   * @return the mapping's address
   */
  long mmapShared(int fd, long bytes, long offset) throws IOException {
    long result;
    try {
      result =
          (long)
              MMAP.invokeExact(
                  callState,
                  0L,
                  bytes,
                  PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_POPULATE,
                  fd,
                  offset);
    } catch (Throwable t) {
      throw unexpected(t);
    }
    if (result == -1L) {
      throw Errno.exception("mmap", errno());
    }
    return result;
  }

  /** Unmaps what {@link #mmapShared} mapped. Any thread; never throws. */
  static void munmap(long address, long bytes) {
    try {
      int ignored = (int) MUNMAP.invokeExact(address, bytes);
    } catch (Throwable t) {
      throw unexpected(t);
    }
  }

  /** A downcall cannot throw a checked exception; anything else is a bug here. */
  private static RuntimeException unexpected(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
