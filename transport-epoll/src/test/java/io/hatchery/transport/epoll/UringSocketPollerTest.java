package io.hatchery.transport.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.transport.poll.PolledSocket;
import io.hatchery.protocol.transport.poll.ReadyHandler;
import io.hatchery.protocol.transport.poll.SocketPoller;
import io.hatchery.protocol.transport.poll.SocketPollers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UringSocketPoller} against {@link NativeSocketPollerContract}. This machine's kernel
 * allows io_uring, so the tests require it: if the probe fails they fail with its reason.
 */
class UringSocketPollerTest extends NativeSocketPollerContract {
  @Override
  String transport() {
    return UringSocketPoller.NAME;
  }

  @Override
  SocketPoller openPoller(InetSocketAddress address) throws IOException {
    return UringSocketPoller.open(address, 128, 30);
  }

  @Test
  void dataBeyondTheBufferPoolArrivesWholeAndInOrder() throws IOException {
    // 4 buffers of 256 bytes for 3 connections of 64 KiB each: the recvs keep running out of
    // buffers (ENOBUFS), and the connections are read with recv(2) in between.
    try (UringSocketPoller poller =
        UringSocketPoller.open(new InetSocketAddress("127.0.0.1", 0), 128, 30, 4, 256)) {
      sendAndReceiveWhole(poller, 3, 64 * 1024);
    }
  }

  @Test
  void aBurstFromMoreConnectionsThanBuffersIsReadWithinAFewPolls() throws IOException {
    // 64 connections send a heartbeat-sized message at once into a pool of 4 buffers: the
    // multishot recvs of at least 60 of them end with ENOBUFS. Each then waits for data with a
    // POLLIN poll and is read with recv(2), so the whole burst is read within a few polls. (When
    // the recvs were restarted only as buffers came free, two per poll here, this took ~30 polls.)
    int connections = 64;
    byte[] message = new byte[60];
    try (UringSocketPoller poller =
        UringSocketPoller.open(new InetSocketAddress("127.0.0.1", 0), 128, 30, 4, 256)) {
      List<Socket> clients = new ArrayList<>();
      List<PolledSocket> sockets = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        clients.add(connect(poller));
        sockets.add(acceptOne(poller));
        sockets.get(c).interest(true, false);
      }
      for (int c = 0; c < connections; c++) {
        Arrays.fill(message, (byte) c);
        clients.get(c).getOutputStream().write(message);
      }
      int[] received = new int[connections];
      ByteBuffer in = ByteBuffer.allocateDirect(1024);
      int polls = 0;
      long deadline = System.nanoTime() + DEADLINE_NANOS;
      while (Arrays.stream(received).sum() < connections * message.length
          && System.nanoTime() - deadline < 0) {
        Recorder recorder = new Recorder();
        poller.poll(100, recorder);
        polls++;
        for (PolledSocket socket : recorder.sockets) {
          int c = sockets.indexOf(socket);
          for (int n = socket.read(in.clear()); n > 0; n = socket.read(in.clear())) {
            for (int i = 0; i < n; i++) {
              assertThat(in.get(i)).as("connection %d", c).isEqualTo((byte) c);
            }
            received[c] += n;
          }
        }
      }
      assertThat(received).containsOnly(message.length);
      assertThat(poller.pollsIn()).as("connections that fell back to POLLIN").isPositive();
      assertThat(polls).as("polls to read the burst").isLessThanOrEqualTo(6);
    }
  }

  @Test
  void onePollReceivesOnEverySocketWithNewsNotTwentyOfThem() throws IOException {
    // Since Linux 6.13 an io_uring_enter that asks for one completion runs at most 20 deferred
    // receives per pass, two passes; a poll that took only those fell behind 10,000 workers.
    int connections = 200;
    try (UringSocketPoller poller =
        (UringSocketPoller) openPoller(new InetSocketAddress("127.0.0.1", 0))) {
      List<Socket> clients = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        clients.add(connect(poller));
        acceptOne(poller).interest(true, false);
      }
      for (Socket client : clients) {
        client.getOutputStream().write(new byte[60]);
      }
      Recorder first = new Recorder();
      poller.poll(100, first);

      assertThat(first.sockets.size()).as("sockets reported by the first poll").isGreaterThan(100);
    }
  }

  @Test
  void connectionsReadByRecvGoBackToTheBufferPool() throws IOException {
    // 8 buffers of 256 bytes for 32 connections of 4 KiB each: connections keep falling back to
    // POLLIN and recv(2), and each goes back to a multishot recv once it was drained while the
    // pool had room; never more often than it fell back.
    int connections = 32;
    try (UringSocketPoller poller =
        UringSocketPoller.open(new InetSocketAddress("127.0.0.1", 0), 128, 30, 8, 256)) {
      sendAndReceiveWhole(poller, connections, 4 * 1024);
      assertThat(poller.pollsIn()).isPositive();
      assertThat(poller.receivesStarted() - connections)
          .as("multishot recvs started again")
          .isPositive()
          .isLessThanOrEqualTo(poller.pollsIn());
    }
  }

  @Test
  void dataCompletedAfterItsSocketWasHandledInTheSamePollIsReportedByTheNext() throws IOException {
    // 300 bytes into buffers of 256: two completions in one poll. The handler reads while it is
    // called, so the second completion's 44 bytes arrive after the socket's one report of the poll.
    try (UringSocketPoller poller =
        UringSocketPoller.open(new InetSocketAddress("127.0.0.1", 0), 128, 30, 4, 256)) {
      Socket client = connect(poller);
      PolledSocket socket = acceptOne(poller);
      socket.interest(true, false);
      client.getOutputStream().write(pattern(0, 300));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      ByteBuffer in = ByteBuffer.allocateDirect(1024);
      ReadyHandler readAll =
          new ReadyHandler() {
            @Override
            public void acceptable() {}

            @Override
            public void ready(PolledSocket ready, boolean readable, boolean writable) {
              try {
                for (int n = ready.read(in.clear()); n > 0; n = ready.read(in.clear())) {
                  in.flip();
                  byte[] chunk = new byte[n];
                  in.get(chunk);
                  got.writeBytes(chunk);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          };
      long deadline = System.nanoTime() + DEADLINE_NANOS;
      while (got.size() < 300 && System.nanoTime() - deadline < 0) {
        poller.poll(100, readAll);
      }
      assertThat(got.toByteArray()).isEqualTo(pattern(0, 300));
    }
  }

  /**
   * Connects {@code connections} clients that each send {@code bytes} at once, then polls and reads
   * in 100-byte reads until every byte arrived, and checks each connection's bytes in order.
   */
  private void sendAndReceiveWhole(SocketPoller poller, int connections, int bytes)
      throws IOException {
    List<PolledSocket> sockets = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Socket client = connect(poller);
      sockets.add(acceptOne(poller));
      sockets.get(c).interest(true, false);
      client.getOutputStream().write(pattern(c, bytes));
    }
    ByteArrayOutputStream[] got = new ByteArrayOutputStream[connections];
    for (int c = 0; c < connections; c++) {
      got[c] = new ByteArrayOutputStream();
    }
    ByteBuffer in = ByteBuffer.allocateDirect(100);
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (total(got) < connections * bytes && System.nanoTime() - deadline < 0) {
      Recorder recorder = new Recorder();
      poller.poll(10, recorder);
      for (PolledSocket socket : recorder.sockets) {
        int c = sockets.indexOf(socket);
        for (int n = socket.read(in.clear()); n > 0; n = socket.read(in.clear())) {
          in.flip();
          byte[] chunk = new byte[n];
          in.get(chunk);
          got[c].writeBytes(chunk);
        }
      }
    }
    for (int c = 0; c < connections; c++) {
      assertThat(got[c].toByteArray()).as("connection %d", c).isEqualTo(pattern(c, bytes));
    }
  }

  private static byte[] pattern(int connection, int bytes) {
    byte[] data = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      data[i] = (byte) ((connection * 31 + i) % 251);
    }
    return data;
  }

  private static int total(ByteArrayOutputStream[] streams) {
    int sum = 0;
    for (ByteArrayOutputStream s : streams) {
      sum += s.size();
    }
    return sum;
  }

  @Test
  void theProviderIsAvailableHereButOnlyWhenNamedAutoTakesEpoll() throws IOException {
    UringSocketPollerProvider uring = new UringSocketPollerProvider();
    assertThat(uring.unavailableReason()).isEmpty();
    assertThat(uring.preference()).isNegative();
    try (SocketPoller named = withTransport(UringSocketPoller.NAME)) {
      assertThat(named.name()).isEqualTo(UringSocketPoller.NAME);
    }
    try (SocketPoller auto = withTransport(SocketPollers.AUTO)) {
      assertThat(auto.name()).isEqualTo(EpollSocketPoller.NAME);
    }
  }

  private static SocketPoller withTransport(String transport) throws IOException {
    String before = System.getProperty(SocketPollers.PROPERTY);
    System.setProperty(SocketPollers.PROPERTY, transport);
    try {
      return SocketPollers.open(new InetSocketAddress("127.0.0.1", 0), 16, 30);
    } finally {
      if (before == null) {
        System.clearProperty(SocketPollers.PROPERTY);
      } else {
        System.setProperty(SocketPollers.PROPERTY, before);
      }
    }
  }
}
