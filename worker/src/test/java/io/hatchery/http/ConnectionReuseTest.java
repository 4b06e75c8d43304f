package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections are counted server-side: one client port is one TCP connection. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionReuseTest {

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
  void sessionReusesOneConnectionAcrossRequests() {
    for (int i = 0; i < 20; i++) {
      fixture.client.get("/r" + i);
    }

    assertThat(fixture.target.connections()).isEqualTo(1);
  }

  @Test
  void sessionsDoNotShareConnectionsByDefault() {
    HttpSession other = fixture.newSession();
    for (int i = 0; i < 5; i++) {
      fixture.client.get("/a");
      other.get("/b");
    }

    assertThat(fixture.target.connections()).isEqualTo(2);
    assertThat(fixture.pool.openConnections()).isEqualTo(2);
  }

  @Test
  void sessionsOfOneGroupShareConnections() {
    Object group = new Object();
    HttpSession first =
        new HttpSession(fixture.pool, fixture.target.baseUrl(), fixture.reporter, group);
    HttpSession second =
        new HttpSession(fixture.pool, fixture.target.baseUrl(), fixture.reporter, group);
    for (int i = 0; i < 5; i++) {
      first.get("/a");
      second.get("/b");
    }

    assertThat(fixture.target.connections()).isEqualTo(1);
  }

  @Test
  void closingTheSessionMakesTheNextRequestConnectAgain() {
    fixture.client.get("/a");
    fixture.client.get("/a");
    fixture.client.close();
    fixture.client.get("/a");
    fixture.client.get("/a");

    assertThat(fixture.target.connections()).isEqualTo(2);
  }

  @Test
  void connectionCloseHeaderOpensANewConnectionPerRequest() {
    for (int i = 0; i < 3; i++) {
      fixture.client.get("/a", Request.header("Connection", "close"));
    }

    assertThat(fixture.target.connections()).isEqualTo(3);
  }

  @Test
  void redirectChainUsesTheSameConnection() {
    fixture.client.get("/redirect/3");

    assertThat(fixture.target.requests()).hasSize(4);
    assertThat(fixture.target.connections()).isEqualTo(1);
  }
}
