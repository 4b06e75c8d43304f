package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth, HTTPS from PEM files, a port in use and the exposure warning, over real sockets. */
@Timeout(60)
class WebSecurityIT {

  private static final List<String> ROUTES =
      List.of(
          "/",
          "/static/app.js",
          "/stats/requests",
          "/stats/requests/csv",
          "/stats/requests_full_history/csv",
          "/stats/failures/csv",
          "/exceptions",
          "/exceptions/csv",
          "/stats/report",
          "/tasks",
          "/metrics",
          "/workers",
          "/history",
          "/stop",
          "/stats/reset");

  private final FakeMasterControl control = new FakeMasterControl();

  @Test
  void everyRouteNeedsTheRightCredentials() throws Exception {
    WebSettings settings =
        WebSettings.of("127.0.0.1", 0).withAuth(WebCredentials.parse("admin:s3cret:x"));
    try (WebServer server = WebServer.start(settings, control)) {
      WebClient client = new WebClient(server.uri());
      String right = basic("admin:s3cret:x");
      String wrong = basic("admin:guess");
      for (String route : ROUTES) {
        HttpResponse<String> none = client.get(route);
        assertThat(none.statusCode()).as("no credentials on %s", route).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(client.get(route, "Authorization", wrong).statusCode())
            .as("wrong credentials on %s", route)
            .isEqualTo(401);
        HttpResponse<String> ok = client.get(route, "Authorization", right);
        assertThat(ok.statusCode()).as("right credentials on %s", route).isIn(200, 404);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin"))
            .as("no wildcard CORS with auth on %s", route)
            .isEmpty();
      }
      assertThat(
              client.postForm("/swarm", Map.of("user_count", "1", "spawn_rate", "1")).statusCode())
          .isEqualTo(401);
      assertThat(control.starts()).isEmpty();
      assertThat(
              client
                  .postForm(
                      "/swarm",
                      Map.of("user_count", "1", "spawn_rate", "1"),
                      "Authorization",
                      right)
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void servesHttpsFromPemFiles(@TempDir Path dir) throws Exception {
    SelfSignedPem pem = SelfSignedPem.create(dir);
    WebSettings settings =
        WebSettings.of("127.0.0.1", 0).withTls(new TlsFiles(pem.certificate, pem.privateKey));
    try (WebServer server = WebServer.start(settings, control)) {
      assertThat(server.uri().getScheme()).isEqualTo("https");
      HttpClient trusting =
          HttpClient.newBuilder()
              .sslContext(pem.trustingClient())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpResponse<String> stats = new WebClient(server.uri(), trusting).get("/stats/requests");
      assertThat(stats.statusCode()).isEqualTo(200);
      assertThat(stats.body()).contains("\"state\":\"ready\"");
      assertThatThrownBy(() -> new WebClient(server.uri()).get("/stats/requests"))
          .hasCauseInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void acceptsAPkcs1RsaKey(@TempDir Path dir) throws Exception {
    SelfSignedPem pem = SelfSignedPem.create(dir);
    Path pkcs1 = dir.resolve("rsa.pem");
    Files.writeString(pkcs1, SelfSignedPem.pem("RSA PRIVATE KEY", innerPkcs1(pem.pkcs8)));
    WebSettings settings =
        WebSettings.of("127.0.0.1", 0).withTls(new TlsFiles(pem.certificate, pkcs1));
    try (WebServer server = WebServer.start(settings, control)) {
      HttpClient trusting = HttpClient.newBuilder().sslContext(pem.trustingClient()).build();
      assertThat(new WebClient(server.uri(), trusting).get("/tasks").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unusableTlsFilesFailWithTheOptionName(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    WebSettings settings = WebSettings.of("127.0.0.1", 0).withTls(new TlsFiles(empty, empty));
    assertThatThrownBy(() -> WebServer.start(settings, control))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-cert");
  }

  @Test
  void aPortInUseIsAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      WebSettings settings = WebSettings.of("127.0.0.1", taken.getLocalPort());
      assertThatThrownBy(() -> WebServer.start(settings, control))
          .isInstanceOf(BindException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("already in use")
          .hasMessageContaining("--web-port");
    }
  }

  @Test
  void warnsOnlyWhenReachableFromOtherMachinesWithoutAuth() {
    assertThat(WebServer.exposureWarning(WebSettings.of("127.0.0.1", 0))).isEmpty();
    assertThat(WebServer.exposureWarning(WebSettings.of("", 0)))
        .hasValueSatisfying(w -> assertThat(w).contains("0.0.0.0", "--web-auth"));
    assertThat(
            WebServer.exposureWarning(WebSettings.of("*", 0).withAuth(WebCredentials.parse("a:b"))))
        .isEmpty();
  }

  private static String basic(String userColonPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  /** Takes the PKCS#1 RSAPrivateKey out of a PKCS#8 PrivateKeyInfo (its last OCTET STRING). */
  private static byte[] innerPkcs1(byte[] pkcs8) {
    int i = 0;
    i += 1 + lengthBytes(pkcs8, i + 1); // outer SEQUENCE header
    i += 3; // INTEGER 0
    i += 2 + (pkcs8[i + 1] & 0xff); // AlgorithmIdentifier SEQUENCE
    int headerLength = 1 + lengthBytes(pkcs8, i + 1);
    return Arrays.copyOfRange(pkcs8, i + headerLength, pkcs8.length);
  }

  private static int lengthBytes(byte[] der, int at) {
    int first = der[at] & 0xff;
    return first < 0x80 ? 1 : 1 + (first & 0x7f);
  }
}
