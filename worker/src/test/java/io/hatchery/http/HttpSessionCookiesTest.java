package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpSessionCookiesTest {

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
  void cookieSetByTheServerIsSentOnLaterRequests() {
    fixture.client.get("/cookie/sessionid/abc");
    fixture.client.get("/profile");
    fixture.client.get("/profile");

    assertThat(fixture.target.requests().get(0).header("Cookie")).isNull();
    assertThat(fixture.target.requests().get(1).header("Cookie")).isEqualTo("sessionid=abc");
    assertThat(fixture.target.requests().get(2).header("Cookie")).isEqualTo("sessionid=abc");
    assertThat(fixture.client.cookies().get("sessionid")).isEqualTo("abc");
  }

  @Test
  void sessionsKeepSeparateCookies() {
    HttpSession other = fixture.newSession();

    fixture.client.get("/cookie/user/alice");
    other.get("/cookie/user/bob");
    fixture.client.get("/whoami");
    other.get("/whoami");

    assertThat(fixture.target.requests().get(2).header("Cookie")).isEqualTo("user=alice");
    assertThat(fixture.target.requests().get(3).header("Cookie")).isEqualTo("user=bob");
  }

  @Test
  void cookiesSurviveClosingTheSession() {
    fixture.client.get("/cookie/a/1");
    fixture.client.close();
    fixture.client.get("/again");

    assertThat(fixture.target.last().header("Cookie")).isEqualTo("a=1");
  }

  @Test
  void cookieSetByTheScenarioIsSentAndClearedOnRequest() {
    fixture.client.cookies().set("token", "t1");
    fixture.client.get("/one");
    fixture.client.cookies().clear();
    fixture.client.get("/two");

    assertThat(fixture.target.requests().get(0).header("Cookie")).isEqualTo("token=t1");
    assertThat(fixture.target.requests().get(1).header("Cookie")).isNull();
    assertThat(fixture.client.cookies().asMap()).isEmpty();
  }
}
