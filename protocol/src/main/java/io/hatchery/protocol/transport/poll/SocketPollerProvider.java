package io.hatchery.protocol.transport.poll;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * An implementation of {@link SocketPoller} found through {@link java.util.ServiceLoader} (a {@code
 * META-INF/services} entry), such as the epoll one of module {@code transport-epoll}.
 */
public interface SocketPollerProvider {
  /** The name {@code -Dhatchery.transport} selects it by. */
  String name();

  /**
   * Where {@code auto} tries it: providers with a higher preference first (epoll 10). A negative
   * preference keeps it out of {@code auto}: only naming it selects it (io_uring, -1).
   */
  default int preference() {
    return 0;
  }

  /**
   * Why it cannot run here (another operating system or architecture, a sandbox that denies it), or
   * empty if it can.
   */
  Optional<String> unavailableReason();

  /**
   * Binds a listening socket on {@code address} and opens a poller over it.
   *
   * @param keepAliveIdleSeconds {@code TCP_KEEPIDLE} for accepted connections
   * @throws java.net.BindException if the address is in use or not local
   * @throws java.nio.channels.UnresolvedAddressException if {@code address} is unresolved
   */
  SocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException;
}
