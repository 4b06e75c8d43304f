package io.hatchery.http;

import java.io.IOException;
import java.time.Duration;

/** A target, a pool, a recording reporter and one session on them; close after each test. */
final class SessionFixture implements AutoCloseable {

  final RecordingTarget target;
  final ConnectionPool pool;
  final RecordingReporter reporter = new RecordingReporter();
  final HttpSession client;

  SessionFixture() throws IOException {
    this(
        ConnectionPool.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .responseTimeout(Duration.ofSeconds(10)));
  }

  SessionFixture(ConnectionPool.Builder pool) throws IOException {
    this.target = new RecordingTarget();
    this.pool = pool.build();
    this.client = new HttpSession(this.pool, target.baseUrl(), reporter);
  }

  HttpSession newSession() {
    return new HttpSession(pool, target.baseUrl(), reporter);
  }

  @Override
  public void close() {
    pool.close();
    target.close();
  }
}
