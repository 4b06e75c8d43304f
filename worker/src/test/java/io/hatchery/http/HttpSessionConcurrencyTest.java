package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpSessionConcurrencyTest {

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
  void usersOnVirtualThreadsReportEveryRequestOverTheirOwnConnections() throws Exception {
    int users = 50;
    int requestsPerUser = 20;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        HttpSession session = fixture.newSession();
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < requestsPerUser; i++) {
                    session.get("/item?id=" + i, Request.named("/item"));
                  }
                },
                threads));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);
    }

    assertThat(fixture.reporter.reports()).hasSize(users * requestsPerUser);
    assertThat(fixture.reporter.reports()).allMatch(r -> r.exception() == null);
    assertThat(fixture.target.requests()).hasSize(users * requestsPerUser);
    assertThat(fixture.target.connections()).isEqualTo(users);
  }

  @Test
  void requestInterruptedByStoppingTheUserIsNotReported() throws Exception {
    AtomicReference<Response> result = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread user =
        Thread.ofVirtual()
            .start(
                () -> {
                  result.set(fixture.client.get("/hang"));
                  interruptedAfter.set(Thread.currentThread().isInterrupted());
                });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (fixture.target.requests().isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    assertThat(fixture.target.requests()).hasSize(1);

    user.interrupt();
    assertThat(user.join(java.time.Duration.ofSeconds(20))).isTrue();

    assertThat(result.get().status()).isZero();
    assertThat(interruptedAfter.get()).isTrue();
    assertThat(fixture.reporter.reports()).isEmpty();
  }
}
