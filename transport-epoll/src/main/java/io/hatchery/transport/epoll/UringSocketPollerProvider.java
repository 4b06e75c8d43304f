package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.SocketPoller;
import io.hatchery.protocol.transport.poll.SocketPollerProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Provides {@link UringSocketPoller} where the kernel (6.1 or later) and the sandbox allow
 * io_uring. Opt-in ({@code -Dhatchery.transport=io_uring}; {@code auto} takes epoll): in steady
 * state it costs the master less per report than epoll, but a burst larger than its buffer pool
 * (10,000 workers answering a spawn at once, in one benchmark run of four) starves connections long
 * enough for workers to be marked missing. Docker's and Kubernetes' default seccomp profiles deny
 * io_uring, and {@code kernel.io_uring_disabled} may: then {@link #unavailableReason()} says so.
 * Compiled for Java 22, as epoll's. Thread-safety: the probe runs once, under the class's
 * initialization lock.
 */
public final class UringSocketPollerProvider implements SocketPollerProvider {
  /** Found through {@link java.util.ServiceLoader}. */
  public UringSocketPollerProvider() {}

  @Override
  public String name() {
    return UringSocketPoller.NAME;
  }

  @Override
  public int preference() {
    return -1;
  }

  @Override
  public Optional<String> unavailableReason() {
    Optional<String> platform = EpollSocketPollerProvider.platformProblem("io_uring");
    return platform.isPresent() ? platform : Probe.RESULT;
  }

  @Override
  public SocketPoller open(InetSocketAddress address, int backlog, int keepAliveIdleSeconds)
      throws IOException {
    return UringSocketPoller.open(address, backlog, keepAliveIdleSeconds);
  }

  /** Sets up and closes one small ring, the first time it is asked. */
  private static final class Probe {
    static final Optional<String> RESULT = UringSocketPoller.probe();
  }
}
