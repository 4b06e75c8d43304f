package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.SocketPoller;
import io.hatchery.protocol.transport.poll.SocketPollerProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Provides {@link EpollSocketPoller} ({@code -Dhatchery.transport=epoll}) on Linux, x86-64 or
 * AArch64. This class is compiled for Java 22, the first with the final Foreign Function and Memory
 * API; an older JDK cannot load it and uses NIO. Thread-safety: stateless.
 */
public final class EpollSocketPollerProvider implements SocketPollerProvider {
  /** Found through {@link java.util.ServiceLoader}. */
  public EpollSocketPollerProvider() {}

  @Override
  public String name() {
    return EpollSocketPoller.NAME;
  }

  @Override
  public int preference() {
    return 10;
  }

  @Override
  public Optional<String> unavailableReason() {
    return platformProblem(EpollSocketPoller.NAME);
  }

  /**
   * Why a native transport named {@code transport} cannot run on this operating system and
   * architecture, or empty: the native pollers know Linux on x86-64 and AArch64.
   */
  static Optional<String> platformProblem(String transport) {
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.equals("Linux")) {
      return Optional.of(transport + " is Linux's; this is " + os);
    }
    if (!EpollEvents.isX86_64(arch) && !arch.equals("aarch64")) {
      return Optional.of(
          "the " + transport + " transport knows x86-64 and AArch64; this is " + arch);
    }
    return Optional.empty();
  }

  @Override
  public SocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    return EpollSocketPoller.open(address, backlog, keepAliveIdleSeconds);
  }
}
