package io.hatchery.protocol.transport.poll;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the {@link SocketPoller} of a ROUTER. System property {@value #PROPERTY}:
 *
 * <ul>
 *   <li>{@value #AUTO} (the default): the {@link SocketPollerProvider} on the class path with the
 *       highest non-negative {@link SocketPollerProvider#preference()} that can run here (with
 *       module {@code transport-epoll} on Linux and JDK 22 or later: epoll), else NIO. A provider
 *       that fails to start for another reason than the address (a system call the sandbox denies)
 *       is logged and skipped.
 *   <li>{@value #NIO}: JDK NIO.
 *   <li>any provider's name ({@code io_uring}, {@code epoll}): that one, or an {@link IOException}
 *       saying why it cannot run here. Tests use it, so a missing provider fails them instead of
 *       silently testing NIO.
 * </ul>
 *
 * <p>Thread-safety: stateless; any thread.
 */
public final class SocketPollers {
  /** The system property that selects the implementation. */
  public static final String PROPERTY = "hatchery.transport";

  /** {@value #PROPERTY} value: the best available one. */
  public static final String AUTO = "auto";

  /** {@value #PROPERTY} value: JDK NIO. */
  public static final String NIO = NioSocketPoller.NAME;

  /** Providers that fail to load before the search gives up (the iterator moves past each). */
  private static final int MAX_PROVIDER_FAILURES = 8;

  private static final Logger log = LoggerFactory.getLogger(SocketPollers.class);

  private SocketPollers() {}

  /**
   * Binds a listening socket on {@code address} and opens the poller {@value #PROPERTY} selects.
   *
   * @param keepAliveIdleSeconds {@code TCP_KEEPIDLE} for accepted connections
   * @throws BindException if the address is in use or not local
   * @throws UnresolvedAddressException if {@code address} is unresolved
   * @throws IOException if the selected provider is missing or cannot run here
   */
  public static SocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    String wanted = System.getProperty(PROPERTY, AUTO).trim().toLowerCase(Locale.ROOT);
    if (wanted.equals(NIO)) {
      return NioSocketPoller.open(address, backlog, keepAliveIdleSeconds);
    }
    List<SocketPollerProvider> providers = providers();
    if (wanted.equals(AUTO)) {
      for (SocketPollerProvider provider : providers) {
        if (provider.preference() >= 0 && provider.unavailableReason().isEmpty()) {
          Optional<SocketPoller> opened = tryOpen(provider, address, backlog, keepAliveIdleSeconds);
          if (opened.isPresent()) {
            return opened.get();
          }
        }
      }
      return NioSocketPoller.open(address, backlog, keepAliveIdleSeconds);
    }
    for (SocketPollerProvider provider : providers) {
      if (provider.name().equals(wanted)) {
        Optional<String> reason = provider.unavailableReason();
        if (reason.isPresent()) {
          throw new IOException(PROPERTY + "=" + wanted + " cannot run here: " + reason.get());
        }
        return provider.open(address, backlog, keepAliveIdleSeconds);
      }
    }
    throw new IOException(
        PROPERTY
            + "="
            + wanted
            + ": no such transport on the class path (known: "
            + AUTO
            + ", "
            + NIO
            + providers.stream().map(p -> ", " + p.name()).reduce("", String::concat)
            + ")");
  }

  /**
   * Opens {@code provider}'s poller; empty (logged) if it failed for another reason than the
   * address.
   */
  private static Optional<SocketPoller> tryOpen(
      SocketPollerProvider provider,
      InetSocketAddress address,
      int backlog,
      int keepAliveIdleSeconds)
      throws IOException {
    try {
      return Optional.of(provider.open(address, backlog, keepAliveIdleSeconds));
    } catch (BindException | UnresolvedAddressException e) {
      throw e;
    } catch (IOException | RuntimeException | LinkageError e) {
      log.warn("The {} transport cannot start here ({}); trying the next one", provider.name(), e);
      return Optional.empty();
    }
  }

  /**
   * The providers on the class path; one this JDK cannot load (compiled for a later one) is
   * skipped.
   */
  private static List<SocketPollerProvider> providers() {
    List<SocketPollerProvider> found = new ArrayList<>();
    var iterator = ServiceLoader.load(SocketPollerProvider.class).iterator();
    for (int failures = 0; failures < MAX_PROVIDER_FAILURES; ) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        found.add(iterator.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        failures++;
        log.debug("skipping a transport this JDK cannot load", e);
      }
    }
    found.sort(Comparator.comparingInt(SocketPollerProvider::preference).reversed());
    return found;
  }
}
