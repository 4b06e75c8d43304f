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
    // buffers (ENOBUFS) and are started again as reads free them.
    try (UringSocketPoller poller =
        UringSocketPoller.open(new InetSocketAddress("127.0.0.1", 0), 128, 30, 4, 256)) {
      sendAndReceiveWhole(poller, 3, 64 * 1024);
    }
  }

  @Test
  void manyStarvedConnectionsRestartWithoutAStormOfEmptyReceives() throws IOException {
    // 8 buffers of 256 bytes for 32 connections of 4 KiB each: 512 buffers' worth. Restarting
    // every starved recv at once would end most of them with ENOBUFS again, poll after poll;
    // restarting one per two free buffers keeps the restarts below one per buffer filled.
    int connections = 32;
    int bytes = 4 * 1024;
    int bufferBytes = 256;
    try (UringSocketPoller poller =
        UringSocketPoller.open(new InetSocketAddress("127.0.0.1", 0), 128, 30, 8, bufferBytes)) {
      sendAndReceiveWhole(poller, connections, bytes);
      long fills = (long) connections * bytes / bufferBytes;
      assertThat(poller.receivesStarted()).isLessThanOrEqualTo(connections + fills);
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
