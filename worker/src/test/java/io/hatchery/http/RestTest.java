package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RestTest {

  record Cart(int count, List<String> items) {}

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
  void restSendsJsonHeadersAndParsesTheBody() {
    try (Response r = fixture.client.rest("POST", "/json", Body.json(Map.of("item", 1)))) {
      assertThat(r.json().path("count").asInt()).isEqualTo(1);
      assertThat(r.json(Cart.class)).isEqualTo(new Cart(1, List.of("a", "b")));
    }

    assertThat(fixture.target.last().header("Accept")).isEqualTo("application/json");
    assertThat(fixture.target.last().header("Content-Type")).isEqualTo("application/json");
    assertThat(fixture.reporter.only().exception()).isNull();
  }

  @Test
  void restFailsABodyThatIsNotJson() {
    try (Response r = fixture.client.rest("GET", "/notjson", null)) {
      assertThat(r.json().isMissingNode()).isTrue();
    }

    assertThat(fixture.reporter.only().exception())
        .isInstanceOf(CatchResponseError.class)
        .hasMessageStartingWith(
            "Could not parse response as JSON. <html>nope</html>, response code 200, error");
  }

  @Test
  void restCheckCanFailOnTheParsedValue() {
    try (Response r = fixture.client.rest("GET", "/json", null, Request.named("cart"))) {
      if (r.json().path("count").asInt() != 2) {
        r.failure("count is not 2");
      }
    }

    assertThat(fixture.reporter.only().name()).isEqualTo("cart");
    assertThat(fixture.reporter.only().errorText())
        .isEqualTo("CatchResponseError('count is not 2')");
  }

  @Test
  void restWithALambdaCheckReportsAtOnce() {
    Response response =
        fixture.client.rest(
            "GET",
            "/json",
            null,
            Request.check(
                r -> {
                  if (r.json().path("items").size() != 2) {
                    r.failure("two items expected");
                  }
                }));

    assertThat(response.status()).isEqualTo(200);
    assertThat(fixture.reporter.only().exception()).isNull();
  }

  @Test
  void jsonOfAnUncheckedNonJsonResponseThrowsAClearError() {
    Response response = fixture.client.get("/notjson");

    assertThatThrownBy(response::json)
        .isInstanceOf(ResponseError.class)
        .hasMessageStartingWith(
            "Could not parse response as JSON. <html>nope</html>, response code 200");
  }
}
