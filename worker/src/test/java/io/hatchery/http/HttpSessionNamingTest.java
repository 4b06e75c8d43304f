package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpSessionNamingTest {

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
  void requestIsNamedAfterItsPathAndQuery() {
    fixture.client.get("/item?id=7");

    assertThat(fixture.reporter.only().name()).isEqualTo("/item?id=7");
    assertThat(fixture.reporter.only().requestType()).isEqualTo("GET");
  }

  @Test
  void perCallNameReplacesThePath() {
    for (int id = 0; id < 3; id++) {
      fixture.client.get("/item?id=" + id, Request.named("/item"));
    }

    assertThat(fixture.reporter.reports()).extracting(r -> r.name()).containsOnly("/item");
    assertThat(fixture.target.requests()).extracting(r -> r.uri()).contains("/item?id=2");
  }

  @Test
  void renameBlockNamesEveryRequestUntilClosed() {
    try (var block = fixture.client.rename("/item/[id]")) {
      fixture.client.get("/item/1");
      fixture.client.get("/item/2", Request.named("/explicit"));
    }
    fixture.client.get("/item/3");

    assertThat(fixture.reporter.reports())
        .extracting(r -> r.name())
        .containsExactly("/item/[id]", "/explicit", "/item/3");
  }

  @Test
  void nestedRenameBlocksRestoreTheOuterName() {
    try (var outer = fixture.client.rename("outer")) {
      try (var inner = fixture.client.rename("inner")) {
        fixture.client.get("/a");
      }
      fixture.client.get("/b");
    }

    assertThat(fixture.reporter.reports())
        .extracting(r -> r.name())
        .containsExactly("inner", "outer");
  }

  @Test
  void checkCanRenameTheRequest() {
    try (Response r = fixture.client.get("/user/42", Request.checked())) {
      r.rename("/user/[id]");
    }
    fixture.client.get("/user/43", Request.check(r -> r.rename("/user/[id]")));

    assertThat(fixture.reporter.reports()).extracting(r -> r.name()).containsOnly("/user/[id]");
    assertThat(fixture.reporter.reports()).hasSize(2);
  }

  @Test
  void relativeUrlIsAppendedToTheBaseUrlPath() {
    HttpSession api =
        new HttpSession(fixture.pool, fixture.target.baseUrl() + "/api/", fixture.reporter);

    api.get("/users");
    api.get("orders");

    assertThat(fixture.target.requests())
        .extracting(r -> r.uri())
        .containsExactly("/api/users", "/api/orders");
    assertThat(fixture.reporter.reports())
        .extracting(r -> r.name())
        .containsExactly("/api/users", "/api/orders");
  }

  @Test
  void absoluteUrlIsNamedAfterItsPath() {
    HttpSession noBase = new HttpSession(fixture.pool, null, fixture.reporter);

    noBase.get(fixture.target.baseUrl() + "/abs?x=1");

    assertThat(fixture.reporter.only().name()).isEqualTo("/abs?x=1");
  }

  @Test
  void queryParametersAreEncodedAndPartOfTheName() {
    fixture.client.get("/search?a=1", Request.query("q", "red shoes").withQuery("n", "é"));

    assertThat(fixture.target.last().uri()).isEqualTo("/search?a=1&q=red+shoes&n=%C3%A9");
    assertThat(fixture.reporter.only().name()).isEqualTo("/search?a=1&q=red+shoes&n=%C3%A9");
  }

  @Test
  void contextGivenWithTheRequestReachesTheReporter() {
    fixture.client.get("/ctx", Request.named("/ctx").withContext(java.util.Map.of("tenant", "t1")));

    assertThat(fixture.reporter.only().response().context()).containsEntry("tenant", "t1");
    assertThat(fixture.client.get("/plain").context()).isEmpty();
  }
}
