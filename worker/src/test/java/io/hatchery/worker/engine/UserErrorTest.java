package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.UserErrorEvent;
import io.hatchery.WaitTime;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class UserErrorTest {

  static final AtomicInteger attempts = new AtomicInteger();
  static final AtomicInteger stops = new AtomicInteger();

  static class Failing extends User {
    @Override
    public WaitTime waitTime() {
      return WaitTime.constant(0.001);
    }

    @Task
    void fail() throws IOException {
      throw new IOException("attempt " + attempts.incrementAndGet());
    }
  }

  static class BrokenStart extends User {
    @Override
    public void onStart() {
      throw new IllegalStateException("no login");
    }

    @Task
    void never() {
      attempts.incrementAndGet();
    }

    @Override
    public void onStop() {
      stops.incrementAndGet();
    }
  }

  @Test
  void aFailingTaskIsReportedAndTheUserContinues() {
    Engines.Bound bound = Engines.bound(Failing.class);
    List<UserErrorEvent> events = new CopyOnWriteArrayList<>();
    bound.engine().environment().events().userError().add(events::add);
    attempts.set(0);

    bound.start(Failing.class, 1);
    Engines.await("five failed attempts", () -> bound.userErrors().size() >= 5);
    bound.stopAll();

    assertThat(bound.userErrors().peek()).isInstanceOf(IOException.class).hasMessage("attempt 1");
    assertThat(events).hasSizeGreaterThanOrEqualTo(5);
    assertThat(events.get(0).owner()).isInstanceOf(Failing.class);
    assertThat(attempts.get()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aFailingOnStartIsReportedAndEndsTheUserWithoutOnStop() {
    Engines.Bound bound = Engines.bound(BrokenStart.class);
    attempts.set(0);
    bound.start(BrokenStart.class, 1);
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);

    assertThat(bound.userErrors()).singleElement().isInstanceOf(IllegalStateException.class);
    assertThat(attempts.get()).isZero();
    assertThat(stops.get()).isZero();
    assertThat(bound.users().userCount()).isZero();
  }
}
