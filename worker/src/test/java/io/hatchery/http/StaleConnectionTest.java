package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that answers each connection once, keep-alive style, and then closes it (as a server
 * does when its keep-alive timeout expires): the next request must not fail.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StaleConnectionTest {

  @Test
  void connectionClosedByTheServerWhileIdleIsReplacedWithoutAFailure() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    BlockingQueue<Integer> closedConnections = new LinkedBlockingQueue<>();
    try (ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        ConnectionPool pool = ConnectionPool.create()) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!server.isClosed()) {
                  try (Socket socket = server.accept()) {
                    int n = accepted.incrementAndGet();
                    readHeaders(socket.getInputStream());
                    socket
                        .getOutputStream()
                        .write(
                            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    socket.close();
                    closedConnections.add(n);
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      RecordingReporter reporter = new RecordingReporter();
      HttpSession client =
          new HttpSession(pool, "http://127.0.0.1:" + server.getLocalPort(), reporter);

      for (int i = 1; i <= 3; i++) {
        assertThat(client.get("/x").status()).isEqualTo(200);
        assertThat(closedConnections.poll(10, TimeUnit.SECONDS)).isEqualTo(i);
      }

      assertThat(reporter.reports()).hasSize(3).allMatch(r -> r.exception() == null);
      assertThat(accepted.get()).isEqualTo(3);
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the headers");
      }
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
  }
}
