package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections keep small I/O buffers; headers and bodies larger than them still arrive whole. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionBufferTest {

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
  void headerAndBodyLargerThanTheConnectionBufferArriveWhole() {
    int bytes = ProbedConnection.BUFFER_BYTES * 3 + 17;

    Response response = fixture.client.get("/big/" + bytes);
    Response again = fixture.client.get("/big/" + bytes);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("X-Big")).isEqualTo("h".repeat(bytes));
    assertThat(response.text()).isEqualTo("b".repeat(bytes));
    assertThat(again.text()).isEqualTo("b".repeat(bytes));
    assertThat(fixture.target.connections()).isEqualTo(1);
  }
}
