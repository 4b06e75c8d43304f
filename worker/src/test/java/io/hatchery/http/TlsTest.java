package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTPS against a loopback server whose self-signed certificate is in the test resources. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsTest {

  private static final char[] PASSWORD = "hatchery".toCharArray();

  private HttpsServer server;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = TlsTest.class.getResourceAsStream("localhost.p12")) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
    keyManagers.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "secure".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String baseUrl() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void insecurePoolAcceptsASelfSignedCertificateAndReusesTheConnection() {
    try (ConnectionPool pool = ConnectionPool.builder().insecure(true).build()) {
      RecordingReporter reporter = new RecordingReporter();
      HttpSession client = new HttpSession(pool, baseUrl(), reporter);

      for (int i = 0; i < 5; i++) {
        assertThat(client.get("/s").text()).isEqualTo("secure");
      }

      assertThat(reporter.reports()).hasSize(5).allMatch(r -> r.exception() == null);
      assertThat(clientPorts).hasSize(1);
    }
  }

  @Test
  void verifyingPoolReportsTheUntrustedCertificateAsStatusZero() {
    try (ConnectionPool pool = ConnectionPool.create()) {
      RecordingReporter reporter = new RecordingReporter();
      Response response = new HttpSession(pool, baseUrl(), reporter).get("/s");

      assertThat(response.status()).isZero();
      assertThat(reporter.only().errorText()).startsWith("SSLHandshakeException(");
    }
  }
}
