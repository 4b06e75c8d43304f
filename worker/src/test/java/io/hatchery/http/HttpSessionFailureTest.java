package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpSessionFailureTest {

  private SessionFixture fixture;

  @BeforeEach
  void start() throws IOException {
    fixture = new SessionFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void clientErrorIsReportedWithRequestsText() {
    Response response = fixture.client.get("/status/404");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.ok()).isFalse();
    assertThat(fixture.reporter.only().errorText())
        .isEqualTo(
            "HTTPError('404 Client Error: Not Found for url: "
                + fixture.target.baseUrl()
                + "/status/404')");
  }

  @Test
  void serverErrorIsReportedWithRequestsText() {
    fixture.client.get("/status/503?x=1");

    assertThat(fixture.reporter.only().errorText())
        .isEqualTo(
            "HTTPError('503 Server Error: Service Unavailable for url: "
                + fixture.target.baseUrl()
                + "/status/503?x=1')");
  }

  @Test
  void namedRequestErrorCarriesTheNameInsteadOfTheUrl() {
    fixture.client.get("/status/404", Request.named("/named"));

    assertThat(fixture.reporter.only().errorText())
        .isEqualTo("HTTPError('404 Client Error: Not Found for url: /named')");
  }

  @Test
  void successfulRequestHasNoError() {
    Response response = fixture.client.get("/status/204");

    assertThat(response.ok()).isTrue();
    assertThat(response.error()).isNull();
    assertThat(fixture.reporter.only().exception()).isNull();
    assertThat(fixture.reporter.only().response()).isSameAs(response);
  }

  @Test
  void refusedConnectionIsStatusZeroReportedAndNotThrown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpSession client =
        new HttpSession(fixture.pool, "http://127.0.0.1:" + closedPort, fixture.reporter);

    Response response = client.get("/x");

    assertThat(response.status()).isZero();
    assertThat(response.bytes()).isEmpty();
    assertThat(response.error()).isInstanceOf(ConnectionError.class);
    assertThat(fixture.reporter.only().name()).isEqualTo("/x");
    assertThat(fixture.reporter.only().responseLengthBytes()).isZero();
    assertThat(fixture.reporter.only().errorText())
        .isEqualTo("ConnectionRefusedError(111, 'Connection refused')");
    assertThatThrownBy(response::raiseForStatus).isSameAs(response.error());
  }

  @Test
  void readTimeoutIsReportedWithUrllib3Text() {
    Response response = fixture.client.get("/hang", Request.timeout(Duration.ofMillis(300)));

    assertThat(response.status()).isZero();
    assertThat(fixture.reporter.only().errorText())
        .isEqualTo(
            "ReadTimeout(ReadTimeoutError(\"HTTPConnectionPool(host='127.0.0.1', port="
                + fixture.target.port()
                + "): Read timed out. (read timeout=0.3)\"))");
    assertThat(fixture.reporter.only().responseTimeMillis()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void redirectsAreOneRequestUnderTheOriginalName() {
    Response response = fixture.client.get("/redirect/3?a=1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.url()).isEqualTo(fixture.target.baseUrl() + "/status/200");
    assertThat(fixture.target.requests()).hasSize(4);
    assertThat(fixture.reporter.only().name()).isEqualTo("/redirect/3?a=1");
    assertThat(fixture.reporter.only().exception()).isNull();
  }

  @Test
  void redirectToAnErrorReportsTheFinalUrlUnderTheOriginalName() {
    fixture.client.get("/redirect/1/to/status/404");

    assertThat(fixture.reporter.only().name()).isEqualTo("/redirect/1/to/status/404");
    assertThat(fixture.reporter.only().errorText())
        .isEqualTo(
            "HTTPError('404 Client Error: Not Found for url: "
                + fixture.target.baseUrl()
                + "/status/404')");
  }

  @Test
  void redirectLoopFailsAfterTheLimit() {
    try (SessionFixture limited = new SessionFixture(ConnectionPool.builder().maxRedirects(3))) {
      Response response = limited.client.get("/loop");

      assertThat(response.status()).isZero();
      assertThat(limited.reporter.only().errorText())
          .isEqualTo("TooManyRedirects('Exceeded 3 redirects.')");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void redirectsCanBeTurnedOffPerRequest() {
    Response response = fixture.client.get("/redirect/1", Request.options().withRedirects(false));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("location")).isEqualTo("/status/200");
    assertThat(fixture.target.requests()).hasSize(1);
  }

  @Test
  void nonstandardStatusAbove599IsNotAFailure() {
    Response last5xx = fixture.client.get("/status/599");
    Response nonstandard = fixture.client.get("/status/600");

    assertThat(last5xx.ok()).isFalse();
    assertThat(nonstandard.status()).isEqualTo(600);
    assertThat(nonstandard.ok()).isTrue();
    assertThat(fixture.reporter.reports().get(1).exception()).isNull();
  }

  @Test
  void raiseForStatusThrowsTheHttpError() {
    Response response = fixture.client.get("/status/500");

    assertThatThrownBy(response::raiseForStatus)
        .isInstanceOf(HttpError.class)
        .hasMessageStartingWith("500 Server Error: Internal Server Error for url: ");
  }
}
