package io.hatchery.transport.epoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.transport.ZmqRpcServer;
import io.hatchery.protocol.transport.poll.PolledSocket;
import io.hatchery.protocol.transport.poll.ReadyHandler;
import io.hatchery.protocol.transport.poll.SocketPoller;
import io.hatchery.protocol.transport.poll.SocketPollers;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every native {@link SocketPoller} must do, over real loopback connections from {@link
 * Socket} clients: accept, read, write, interest, end of stream, wake-ups, bind errors and events
 * for sockets closed during the same poll. Waits poll with deadlines; none sleeps. {@link
 * EpollSocketPollerTest} and {@link UringSocketPollerTest} run it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class NativeSocketPollerContract {
  static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : toClose.reversed()) {
      closeable.close();
    }
  }

  /** The {@code hatchery.transport} name of the poller under test. */
  abstract String transport();

  /** Opens the poller under test with a backlog of 128 and 30 s keep-alive. */
  abstract SocketPoller openPoller(InetSocketAddress address) throws IOException;

  final SocketPoller open(InetSocketAddress address) throws IOException {
    SocketPoller poller = openPoller(address);
    toClose.add(poller);
    return poller;
  }

  private SocketPoller openLoopback() throws IOException {
    return open(new InetSocketAddress("127.0.0.1", 0));
  }

  final Socket connect(SocketPoller poller) throws IOException {
    Socket client = new Socket("127.0.0.1", poller.localPort());
    toClose.add(client);
    return client;
  }

  /** Polls until the listener is ready, then accepts one connection. */
  static PolledSocket acceptOne(SocketPoller poller) throws IOException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (System.nanoTime() - deadline < 0) {
      PolledSocket socket = poller.accept();
      if (socket != null) {
        return socket;
      }
      poller.poll(100, new Recorder());
    }
    throw new AssertionError("no connection to accept within the deadline");
  }

  /** Polls until {@code socket} is reported; returns what was reported for it. */
  static Recorder pollUntilReported(SocketPoller poller, PolledSocket socket) throws IOException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (System.nanoTime() - deadline < 0) {
      Recorder recorder = new Recorder();
      poller.poll(100, recorder);
      if (recorder.sockets.contains(socket)) {
        return recorder;
      }
    }
    throw new AssertionError("the socket was not reported within the deadline");
  }

  @Test
  void acceptsReadsWritesAndSeesTheEndOfStream() throws IOException {
    SocketPoller poller = openLoopback();
    Socket client = connect(poller);
    PolledSocket socket = acceptOne(poller);
    assertThat(socket.remoteAddress()).isEqualTo("/127.0.0.1:" + client.getLocalPort());
    socket.interest(true, false);

    client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
    Recorder recorder = pollUntilReported(poller, socket);
    assertThat(recorder.readable).containsExactly(true);
    assertThat(recorder.writable).containsExactly(false);
    ByteBuffer in = ByteBuffer.allocateDirect(64);
    assertThat(socket.read(in)).isEqualTo(5);
    assertThat(ascii(in.flip())).isEqualTo("hello");
    assertThat(socket.read(in.clear())).as("nothing more waits").isZero();

    ByteBuffer out = ByteBuffer.allocateDirect(16).put("world".getBytes(StandardCharsets.US_ASCII));
    assertThat(socket.write(out.flip())).isEqualTo(5);
    assertThat(out.hasRemaining()).isFalse();
    assertThat(client.getInputStream().readNBytes(5)).asString().isEqualTo("world");

    client.shutdownOutput();
    pollUntilReported(poller, socket);
    assertThat(socket.read(in.clear())).isEqualTo(-1);
  }

  @Test
  void closingASocketClosesItsConnection() throws IOException {
    SocketPoller poller = openLoopback();
    Socket client = connect(poller);
    PolledSocket socket = acceptOne(poller);
    socket.interest(true, false);
    socket.close();
    client.setSoTimeout(50);
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (System.nanoTime() - deadline < 0) {
      poller.poll(10, new Recorder()); // io_uring cancels the socket's requests here
      try {
        assertThat(client.getInputStream().read()).isEqualTo(-1);
        return;
      } catch (java.net.SocketTimeoutException stillOpen) {
        // poll again
      }
    }
    throw new AssertionError("the peer did not see the connection close within the deadline");
  }

  @Test
  void heapBuffersGoThroughTheScratchBuffer() throws IOException {
    SocketPoller poller = openLoopback();
    Socket client = connect(poller);
    PolledSocket socket = acceptOne(poller);
    socket.interest(true, false);
    client.getOutputStream().write(new byte[] {1, 2, 3});
    pollUntilReported(poller, socket);
    ByteBuffer in = ByteBuffer.allocate(8).put((byte) 9);
    assertThat(socket.read(in)).isEqualTo(3);
    assertThat(in.position()).isEqualTo(4);
    assertThat(in.array()).startsWith(9, 1, 2, 3);

    ByteBuffer out = ByteBuffer.wrap(new byte[] {0, 7, 8}).position(1);
    assertThat(socket.write(out)).isEqualTo(2);
    assertThat(out.position()).isEqualTo(3);
    InputStream stream = client.getInputStream();
    assertThat(stream.readNBytes(2)).containsExactly(7, 8);
  }

  @Test
  void aSocketWithNoInterestIsNotReportedEvenWhenItsPeerHungUp() throws IOException {
    SocketPoller poller = openLoopback();
    Socket client = connect(poller);
    PolledSocket socket = acceptOne(poller);
    client.getOutputStream().write(1);
    client.close();

    Recorder recorder = new Recorder();
    assertThat(poller.poll(0, recorder)).isZero();
    assertThat(recorder.sockets).isEmpty();

    socket.interest(true, false);
    pollUntilReported(poller, socket);
    ByteBuffer in = ByteBuffer.allocateDirect(8);
    assertThat(socket.read(in)).isEqualTo(1);
    assertThat(socket.read(in)).isEqualTo(-1);
  }

  @Test
  void writeInterestReportsAWritableSocket() throws IOException {
    SocketPoller poller = openLoopback();
    connect(poller);
    PolledSocket socket = acceptOne(poller);
    socket.interest(false, true);
    Recorder recorder = pollUntilReported(poller, socket);
    assertThat(recorder.writable).containsExactly(true);
    assertThat(recorder.readable).containsExactly(false);

    socket.interest(false, false);
    Recorder none = new Recorder();
    poller.poll(0, none);
    assertThat(none.sockets).isEmpty();
  }

  @Test
  void aSocketNotReadToTheEndIsReportedAgainWithoutNewData() throws IOException {
    SocketPoller poller = openLoopback();
    Socket client = connect(poller);
    PolledSocket socket = acceptOne(poller);
    socket.interest(true, false);
    client.getOutputStream().write(new byte[1000]);
    pollUntilReported(poller, socket);

    assertThat(socket.read(ByteBuffer.allocateDirect(100))).isEqualTo(100);
    Recorder again = new Recorder();
    poller.poll(0, again);
    assertThat(again.sockets)
        .as("still readable, as a level-triggered poller says")
        .contains(socket);

    assertThat(socket.read(ByteBuffer.allocateDirect(4096))).isEqualTo(900);
    Recorder drained = new Recorder();
    poller.poll(0, drained);
    assertThat(drained.sockets).as("drained: no report until new data").isEmpty();

    client.getOutputStream().write(7);
    pollUntilReported(poller, socket);
    assertThat(socket.read(ByteBuffer.allocateDirect(16))).isEqualTo(1);
  }

  @Test
  void aFullSendBufferIsReportedWritableOnlyOnceItHasRoom() throws IOException {
    SocketPoller poller = openLoopback();
    Socket client = connect(poller);
    PolledSocket socket = acceptOne(poller);
    ByteBuffer chunk = ByteBuffer.allocateDirect(64 * 1024);
    long written = 0;
    for (int i = 0; i < 10_000; i++) {
      int bytes = socket.write(chunk.clear());
      if (bytes < chunk.capacity()) {
        written += bytes;
        break;
      }
      written += bytes;
    }
    socket.interest(false, true);
    Recorder full = new Recorder();
    poller.poll(0, full);
    assertThat(full.sockets).as("the client reads nothing: no room").isEmpty();

    assertThat(client.getInputStream().readNBytes((int) written)).hasSize((int) written);
    Recorder room = pollUntilReported(poller, socket);
    assertThat(room.writable).containsExactly(true);
    assertThat(socket.write(chunk.clear())).isPositive();
  }

  @Test
  void aSocketClosedDuringAPollIsNotReportedLaterInIt() throws IOException {
    SocketPoller poller = openLoopback();
    Socket first = connect(poller);
    PolledSocket a = acceptOne(poller);
    Socket second = connect(poller);
    PolledSocket b = acceptOne(poller);
    a.interest(true, false);
    b.interest(true, false);
    first.getOutputStream().write(1);
    second.getOutputStream().write(2);
    // Both wait; the first one reported closes both (as a ROUTER hand-over closes another peer).
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    List<PolledSocket> reported = new ArrayList<>();
    while (reported.isEmpty() && System.nanoTime() - deadline < 0) {
      poller.poll(
          100,
          new Recorder() {
            @Override
            public void ready(PolledSocket socket, boolean readable, boolean writable) {
              reported.add(socket);
              a.close();
              b.close();
            }
          });
    }
    assertThat(reported).hasSize(1);
    assertThat(a.isOpen()).isFalse();
    assertThat(b.isOpen()).isFalse();
    List<PolledSocket> open = new ArrayList<>();
    poller.forEachSocket(open::add);
    assertThat(open).isEmpty();
  }

  @Test
  void slotsAreReusedAndNewSocketsDoNotGetOldEvents() throws IOException {
    SocketPoller poller = openLoopback();
    List<PolledSocket> accepted = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      connect(poller);
      accepted.add(acceptOne(poller));
    }
    accepted.forEach(PolledSocket::close);
    Socket client = connect(poller);
    PolledSocket fresh = acceptOne(poller);
    List<PolledSocket> open = new ArrayList<>();
    poller.forEachSocket(open::add);
    assertThat(open).containsExactly(fresh);

    fresh.interest(true, false);
    client.getOutputStream().write(5);
    pollUntilReported(poller, fresh);
    ByteBuffer in = ByteBuffer.allocateDirect(4);
    assertThat(fresh.read(in)).isEqualTo(1);
  }

  @Test
  void aWakeUpEndsAPollFromAnotherThread() throws Exception {
    SocketPoller poller = openLoopback();
    AtomicBoolean returned = new AtomicBoolean();
    Thread waker =
        Thread.ofPlatform()
            .start(
                () -> {
                  long deadline = System.nanoTime() + DEADLINE_NANOS;
                  while (!returned.get() && System.nanoTime() - deadline < 0) {
                    poller.wakeup();
                    Thread.onSpinWait();
                  }
                });
    long start = System.nanoTime();
    assertThat(poller.poll(TimeUnit.SECONDS.toMillis(50), new Recorder())).isZero();
    returned.set(true);
    waker.join();
    assertThat(System.nanoTime() - start).isLessThan(DEADLINE_NANOS);

    // A wake-up before the poll ends the next one; once consumed, a poll waits its time again.
    poller.wakeup();
    assertThat(poller.poll(TimeUnit.SECONDS.toMillis(50), new Recorder())).isZero();
  }

  @Test
  void aWakeUpAfterCloseDoesNothing() throws IOException {
    SocketPoller poller = openLoopback();
    poller.close();
    poller.wakeup();
    poller.close();
  }

  @Test
  void aPortInUseIsABindExceptionAndTheRouterSaysSo() throws IOException {
    SocketPoller poller = openLoopback();
    InetSocketAddress taken = new InetSocketAddress("127.0.0.1", poller.localPort());
    assertThatThrownBy(() -> open(taken))
        .isInstanceOf(BindException.class)
        .hasMessage("Address already in use");
    assertThatThrownBy(() -> ZmqRpcServer.bind("127.0.0.1", poller.localPort()))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("address already in use");
  }

  @Test
  void aNonLocalAddressIsABindException() {
    // TEST-NET-1 (RFC 5737) is never an address of this machine.
    assertThatThrownBy(() -> open(new InetSocketAddress("192.0.2.1", 0)))
        .isInstanceOf(BindException.class)
        .hasMessage("Cannot assign requested address");
  }

  @Test
  void anUnresolvedAddressIsRefused() {
    assertThatThrownBy(() -> open(InetSocketAddress.createUnresolved("nowhere.invalid", 0)))
        .isInstanceOf(UnresolvedAddressException.class);
  }

  @Test
  void theWildcardAcceptsIpv4Peers() throws IOException {
    SocketPoller poller = open(new InetSocketAddress(0));
    Socket client = connect(poller);
    PolledSocket socket = acceptOne(poller);
    assertThat(socket.remoteAddress()).isEqualTo("/127.0.0.1:" + client.getLocalPort());
  }

  @Test
  void theRouterRunsOnThisPollerWhenAskedTo() throws IOException {
    String before = System.getProperty(SocketPollers.PROPERTY);
    System.setProperty(SocketPollers.PROPERTY, transport());
    try (ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0)) {
      assertThat(server.transport()).isEqualTo(transport());
    } finally {
      if (before == null) {
        System.clearProperty(SocketPollers.PROPERTY);
      } else {
        System.setProperty(SocketPollers.PROPERTY, before);
      }
    }
  }

  private static String ascii(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** Records what a poll reported. */
  static class Recorder implements ReadyHandler {
    final List<PolledSocket> sockets = new ArrayList<>();
    final List<Boolean> readable = new ArrayList<>();
    final List<Boolean> writable = new ArrayList<>();
    int acceptable;

    @Override
    public void acceptable() {
      acceptable++;
    }

    @Override
    public void ready(PolledSocket socket, boolean readable, boolean writable) {
      sockets.add(socket);
      this.readable.add(readable);
      this.writable.add(writable);
    }
  }
}
