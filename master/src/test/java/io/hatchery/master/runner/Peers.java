package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.transport.RpcClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Polling helpers for tests with a real master thread: waits with deadlines, never fixed sleeps.
 */
final class Peers {
  /** JeroMQ 0.6.0 may redial a stuck connection after 3 s (docs/CONCURRENCY.md). */
  static final Duration WAIT = Duration.ofSeconds(20);

  private Peers() {}

  /** Receives until a message of {@code type} arrives; fails after {@link #WAIT}. */
  static Message receive(RpcClient client, String type) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Message message = client.receive(Duration.ofMillis(100));
      if (message != null && message.type().equals(type)) {
        return message;
      }
    }
    throw new AssertionError("no " + type + " within " + WAIT);
  }

  /** Polls the master's snapshot until {@code condition} holds; fails after {@link #WAIT}. */
  static MasterSnapshot await(Master master, Predicate<MasterSnapshot> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    MasterSnapshot snapshot = master.snapshot();
    while (!condition.test(snapshot) && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
      snapshot = master.snapshot();
    }
    assertThat(condition.test(snapshot)).as("condition on %s", snapshot).isTrue();
    return snapshot;
  }
}
