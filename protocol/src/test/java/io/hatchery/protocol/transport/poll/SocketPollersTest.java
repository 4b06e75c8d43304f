package io.hatchery.protocol.transport.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SocketPollers}: which implementation {@code hatchery.transport} selects in a module with
 * no other provider on its class path, and the errors for one that is not there. (Module {@code
 * transport-epoll} tests the epoll choice.)
 */
class SocketPollersTest {
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

  @AfterEach
  void clearProperty() {
    System.clearProperty(SocketPollers.PROPERTY);
  }

  @Test
  void autoIsNioWhenNoOtherProviderIsPresent() throws IOException {
    try (SocketPoller poller = SocketPollers.open(LOOPBACK, 16, 30)) {
      assertThat(poller.name()).isEqualTo("nio");
      assertThat(poller.localPort()).isPositive();
    }
  }

  @Test
  void nioCanBeForced() throws IOException {
    System.setProperty(SocketPollers.PROPERTY, " NIO ");
    try (SocketPoller poller = SocketPollers.open(LOOPBACK, 16, 30)) {
      assertThat(poller.name()).isEqualTo("nio");
    }
  }

  @Test
  void aTransportThatIsNotThereIsAnErrorNotAFallback() {
    System.setProperty(SocketPollers.PROPERTY, "epoll");
    assertThatThrownBy(() -> SocketPollers.open(LOOPBACK, 16, 30))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "hatchery.transport=epoll: no such transport on the class path (known: auto, nio)");
  }

  @Test
  void aPortInUseIsABindException() throws IOException {
    try (SocketPoller first = SocketPollers.open(LOOPBACK, 16, 30)) {
      InetSocketAddress taken = new InetSocketAddress("127.0.0.1", first.localPort());
      assertThatThrownBy(() -> SocketPollers.open(taken, 16, 30)).isInstanceOf(BindException.class);
    }
  }

  @Test
  void nioPollerAcceptsReadsAndReportsItsSockets() throws IOException {
    try (SocketPoller poller = SocketPollers.open(LOOPBACK, 16, 30);
        java.net.Socket client = new java.net.Socket("127.0.0.1", poller.localPort())) {
      PolledSocket socket = awaitAccept(poller);
      assertThat(socket.remoteAddress()).isEqualTo("/127.0.0.1:" + client.getLocalPort());
      socket.attach("peer");
      socket.interest(true, false);
      client.getOutputStream().write(42);
      boolean[] readable = {false};
      poll(poller, () -> readable[0], (s, r, w) -> readable[0] |= s == socket && r);
      java.nio.ByteBuffer in = java.nio.ByteBuffer.allocateDirect(4);
      assertThat(socket.read(in)).isEqualTo(1);
      assertThat(in.get(0)).isEqualTo((byte) 42);
      int[] seen = {0};
      poller.forEachSocket(s -> seen[0] += s.attachment().equals("peer") ? 1 : 0);
      assertThat(seen[0]).isEqualTo(1);
      socket.close();
      assertThat(socket.isOpen()).isFalse();
      seen[0] = 0;
      poller.forEachSocket(s -> seen[0]++);
      assertThat(seen[0]).isZero();
    }
  }

  private static PolledSocket awaitAccept(SocketPoller poller) throws IOException {
    PolledSocket[] accepted = {null};
    poll(
        poller,
        () -> accepted[0] != null,
        new Handler() {
          @Override
          public void acceptable() {
            try {
              accepted[0] = poller.accept();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }

          @Override
          public void ready(PolledSocket socket, boolean readable, boolean writable) {}
        });
    return accepted[0];
  }

  private static void poll(SocketPoller poller, Supplier<Boolean> done, Handler handler)
      throws IOException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!done.get()) {
      assertThat(System.nanoTime() - deadline).as("deadline").isNegative();
      poller.poll(100, handler);
    }
  }

  /** A ready handler written as a lambda over {@link #ready}. */
  @FunctionalInterface
  private interface Handler extends ReadyHandler {
    @Override
    default void acceptable() {}
  }
}
