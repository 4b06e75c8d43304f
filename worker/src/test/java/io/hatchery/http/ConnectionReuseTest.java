package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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

  @Test
  void closingTheSessionClosesItsConnectionsAtOnce() {
    fixture.client.get("/a");
    assertThat(fixture.pool.openConnections()).isEqualTo(1);

    fixture.client.close();

    assertThat(fixture.pool.openConnections()).isZero();
  }

  @Test
  void closingASessionOfASharedGroupLeavesTheOthersTheirConnection() {
    Object group = new Object();
    HttpSession first =
        new HttpSession(fixture.pool, fixture.target.baseUrl(), fixture.reporter, group);
    HttpSession second =
        new HttpSession(fixture.pool, fixture.target.baseUrl(), fixture.reporter, group);
    first.get("/a");

    first.close();
    second.get("/b");
    first.get("/c");

    assertThat(fixture.target.connections()).isEqualTo(2);
    assertThat(fixture.target.requests().get(1).clientPort())
        .isEqualTo(fixture.target.requests().get(0).clientPort());
  }

  @Test
  void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
    try (SessionFixture quick =
        new SessionFixture(ConnectionPool.builder().idleTimeout(Duration.ofMillis(200)))) {
      quick.client.get("/a");
      quick.newSession().get("/b");
      assertThat(quick.pool.openConnections()).isEqualTo(2);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (quick.pool.openConnections() > 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }

      assertThat(quick.pool.openConnections()).isZero();
      quick.client.get("/again");
      assertThat(quick.reporter.last().exception()).isNull();
      assertThat(quick.target.connections()).isEqualTo(3);
    }
  }
}
