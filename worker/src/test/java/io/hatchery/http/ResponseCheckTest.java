package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResponseCheckTest {

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
  void checkedRequestIsReportedOnceWhenClosed() {
    Response response = fixture.client.get("/ok", Request.checked());
    assertThat(fixture.reporter.reports()).isEmpty();

    response.close();
    response.close();

    assertThat(fixture.reporter.only().exception()).isNull();
  }

  @Test
  void successOnA404IsReportedAsSuccess() {
    try (Response r = fixture.client.get("/status/404", Request.checked())) {
      if (r.status() == 404) {
        r.success();
      }
    }

    assertThat(fixture.reporter.only().exception()).isNull();
    assertThat(fixture.reporter.only().name()).isEqualTo("/status/404");
  }

  @Test
  void failureOnA200IsReportedAsCatchResponseError() {
    try (Response r = fixture.client.get("/ok", Request.checked())) {
      if (!r.text().contains("goodbye")) {
        r.failure("no goodbye");
      }
    }

    assertThat(fixture.reporter.only().errorText()).isEqualTo("CatchResponseError('no goodbye')");
    assertThat(fixture.reporter.only().responseLengthBytes()).isEqualTo(5);
  }

  @Test
  void checkedRequestWithoutVerdictFailsByStatusWithTheFullUrl() {
    try (Response r = fixture.client.get("/status/500", Request.named("/n").withChecked())) {
      assertThat(r.status()).isEqualTo(500);
    }

    assertThat(fixture.reporter.only().name()).isEqualTo("/n");
    assertThat(fixture.reporter.only().errorText())
        .isEqualTo(
            "HTTPError('500 Server Error: Internal Server Error for url: "
                + fixture.target.baseUrl()
                + "/status/500')");
  }

  @Test
  void lastVerdictWins() {
    try (Response r = fixture.client.get("/ok", Request.checked())) {
      r.failure("first");
      r.success();
    }

    assertThat(fixture.reporter.only().exception()).isNull();
  }

  @Test
  void lambdaCheckDecidesBeforeTheRequestReturns() {
    Response response =
        fixture.client.get(
            "/status/404",
            Request.check(
                r -> {
                  if (r.status() == 404) {
                    r.success();
                  }
                }));

    assertThat(response.status()).isEqualTo(404);
    assertThat(fixture.reporter.only().exception()).isNull();
  }

  @Test
  void responseErrorThrownByACheckFailsTheRequest() {
    fixture.client.get(
        "/ok",
        Request.check(
            r -> {
              throw new ResponseError("bad body");
            }));

    assertThat(fixture.reporter.only().errorText()).isEqualTo("ResponseError('bad body')");
  }

  @Test
  void otherExceptionFromACheckReachesTheTaskUnreported() {
    assertThatThrownBy(
            () ->
                fixture.client.get(
                    "/ok",
                    Request.check(
                        r -> {
                          throw new IllegalStateException("scenario bug");
                        })))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scenario bug");
    assertThat(fixture.reporter.reports()).isEmpty();
  }

  @Test
  void failureWithAnExceptionReportsThatException() {
    IllegalArgumentException cause = new IllegalArgumentException("x");
    try (Response r = fixture.client.get("/ok", Request.checked())) {
      r.failure(cause);
    }

    assertThat(fixture.reporter.only().exception()).isSameAs(cause);
  }

  @Test
  void verdictOnAnUncheckedResponseIsRejected() {
    Response response = fixture.client.get("/ok");

    assertThatThrownBy(response::success)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Request.checked()");
    assertThatThrownBy(() -> response.failure("x")).isInstanceOf(IllegalStateException.class);
    assertThat(fixture.reporter.reports()).hasSize(1);
  }

  @Test
  void verdictAfterCloseIsRejected() {
    Response response = fixture.client.get("/ok", Request.checked());
    response.close();

    assertThatThrownBy(() -> response.failure("late")).isInstanceOf(IllegalStateException.class);
    assertThat(fixture.reporter.reports()).hasSize(1);
  }
}
