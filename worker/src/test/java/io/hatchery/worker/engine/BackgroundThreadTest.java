package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.WaitTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BackgroundThreadTest {

  static final AtomicReference<Thread> poller = new AtomicReference<>();
  static final CountDownLatch polling = new CountDownLatch(1);
  static final CountDownLatch pollerEnded = new CountDownLatch(1);

  /** Starts a poller in onStart that outlives every task. */
  static class Polling extends User {
    @Override
    public WaitTime waitTime() {
      return WaitTime.constant(3600);
    }

    @Override
    public void onStart() {
      spawnBackground(this::poll);
    }

    private void poll() {
      poller.set(Thread.currentThread());
      polling.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        pollerEnded.countDown();
      }
    }

    @Task
    void idle() {}
  }

  @Test
  void backgroundThreadsAreStoppedWithTheirUser() throws InterruptedException {
    Engines.Bound bound = Engines.bound(Polling.class);
    bound.start(Polling.class, 1);
    polling.await();
    assertThat(poller.get().isAlive()).isTrue();
    assertThat(poller.get().isVirtual()).isTrue();

    bound.users().applyTargets(Map.of("Polling", 0), Duration.ofSeconds(30));
    pollerEnded.await();
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(poller.get().isAlive()).isFalse();
    assertThat(bound.userErrors()).isEmpty();
  }
}
