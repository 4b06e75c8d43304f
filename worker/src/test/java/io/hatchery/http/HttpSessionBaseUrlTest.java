package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpSessionBaseUrlTest {

  private ConnectionPool pool;

  @BeforeEach
  void start() {
    pool = ConnectionPool.create();
  }

  @AfterEach
  void stop() {
    pool.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8080", "ftp://host", "http://", "not a url", "/relative"})
  void badBaseUrlIsRejectedWithTheExpectedForm(String baseUrl) {
    assertThatThrownBy(() -> new HttpSession(pool, baseUrl, RequestReporter.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid base URL (--host) '" + baseUrl + "'");
  }

  @Test
  void relativeUrlWithoutBaseUrlSaysHowToSetOne() {
    HttpSession session = new HttpSession(pool, null, RequestReporter.NONE);

    assertThatThrownBy(() -> session.get("/x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No base URL to send '/x' to")
        .hasMessageContaining("--host");
  }

  @Test
  void baseUrlIsNormalized() {
    assertThat(
            new HttpSession(pool, "HTTP://Example.com:8080/api/", RequestReporter.NONE).baseUrl())
        .isEqualTo("http://Example.com:8080/api");
    assertThat(new HttpSession(pool, "", RequestReporter.NONE).baseUrl()).isNull();
  }

  @Test
  void secondsAreFormattedAsPythonPrintsTheTimeout() {
    assertThat(ConnectionError.seconds(java.time.Duration.ofSeconds(60))).isEqualTo("60");
    assertThat(ConnectionError.seconds(java.time.Duration.ofMillis(300))).isEqualTo("0.3");
    assertThat(ConnectionError.seconds(java.time.Duration.ofMillis(1500))).isEqualTo("1.5");
  }
}
