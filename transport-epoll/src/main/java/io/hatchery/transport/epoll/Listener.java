package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.UnresolvedAddressException;

/**
 * The listening socket of a native poller and how it accepts: each accepted connection is
 * non-blocking and close-on-exec, with {@code TCP_NODELAY} and keep-alive set, as JDK NIO's ROUTER
 * set them.
 *
 * <p>Thread-safety: {@link #open} on the binding thread; the rest on the poller's I/O thread.
 */
final class Listener {
  private static final int MAX_ACCEPT_RETRIES = 16;

  final int fd;
  final int port;
  private final Syscalls sys;
  private final int keepAliveIdleSeconds;
  private final MemorySegment peerAddress;
  private final MemorySegment peerAddressLength;

  private Listener(Syscalls sys, Arena arena, int fd, int port, int keepAliveIdleSeconds) {
    this.sys = sys;
    this.fd = fd;
    this.port = port;
    this.keepAliveIdleSeconds = keepAliveIdleSeconds;
    this.peerAddress = arena.allocate(SocketAddresses.MAX_BYTES, 8);
    this.peerAddressLength = arena.allocate(JAVA_INT);
  }

  /**
   * Listens on {@code address}: IPv4 for an IPv4 address; IPv6 for an IPv6 one; for the wildcard,
   * one dual-stack IPv6 socket (as JDK NIO binds it), or IPv4 where IPv6 is off.
   *
   * @param arena where the accept buffers live; it outlives the listener
   * @throws java.net.BindException if the address is in use or not local
   * @throws UnresolvedAddressException if {@code address} is unresolved
   */
  static Listener open(
      Syscalls sys, Arena arena, InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    if (address.isUnresolved()) {
      throw new UnresolvedAddressException();
    }
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
      return new Listener(sys, arena, fd, sys.localPort(fd), keepAliveIdleSeconds);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      throw e;
    }
  }

  /**
   * Accepts one waiting connection and sets its options.
   *
   * @return its descriptor, or -1 when none waits; {@link #lastPeer()} then describes the peer
   * @throws IOException if the system refused (such as the open-file limit)
   */
  int accept() throws IOException {
    for (int attempt = 0; attempt < MAX_ACCEPT_RETRIES; attempt++) {
      peerAddressLength.set(JAVA_INT, 0, SocketAddresses.MAX_BYTES);
      int accepted = sys.accept(fd, peerAddress, peerAddressLength);
      if (accepted >= 0) {
        configure(accepted);
        return accepted;
      }
      int errno = -accepted;
      if (errno == Errno.EAGAIN) {
        return -1;
      }
      // A connection that failed between its arrival and the accept, or a signal: try the next.
      if (errno != Errno.ECONNABORTED && errno != Errno.EINTR && errno != Errno.EPROTO) {
        throw Errno.exception("accept4", errno);
      }
    }
    return -1;
  }

  /** The peer of the connection {@link #accept()} returned last, as {@code /host:port}. */
  String lastPeer() {
    return SocketAddresses.describe(peerAddress);
  }

  private void configure(int accepted) throws IOException {
    try {
      sys.setInt(accepted, Syscalls.IPPROTO_TCP, Syscalls.TCP_NODELAY, 1);
      sys.setInt(accepted, Syscalls.SOL_SOCKET, Syscalls.SO_KEEPALIVE, 1);
      sys.setInt(accepted, Syscalls.IPPROTO_TCP, Syscalls.TCP_KEEPIDLE, keepAliveIdleSeconds);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(accepted);
      throw e;
    }
  }

  /** Closes the listening socket. Never throws. */
  void close() {
    Syscalls.close(fd);
  }
}
