package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.RescheduleTask;
import io.hatchery.RescheduleTaskImmediately;
import io.hatchery.SequentialTaskSet;
import io.hatchery.StopUser;
import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.WaitTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RescheduleTest {

  static final List<String> log = new CopyOnWriteArrayList<>();
  static final CountDownLatch sleeping = new CountDownLatch(1);

  @BeforeEach
  void clear() {
    log.clear();
  }

  static class Rescheduling extends User {
    @Override
    public WaitTime waitTime() {
      return context -> {
        log.add("wait");
        return Duration.ZERO;
      };
    }

    @Task
    static class Steps extends SequentialTaskSet {
      @Task(order = 1)
      void immediately() {
        log.add("immediately");
        throw new RescheduleTaskImmediately();
      }

      @Task(order = 2)
      void later() {
        log.add("later");
        throw new RescheduleTask();
      }

      @Task(order = 3)
      void done() {
        log.add("done");
        throw new StopUser();
      }
    }
  }

  /** Calls sleepWaitTime() inside its task, as Locust's self.wait(). */
  static class WaitsInTask extends User {
    @Override
    public WaitTime waitTime() {
      return WaitTime.constant(3600);
    }

    @Task
    void longTask() {
      log.add("before");
      sleeping.countDown();
      sleepWaitTime();
      log.add("after");
    }

    @Override
    public void onStop() {
      log.add("onStop");
    }
  }

  @Test
  void rescheduleImmediatelySkipsTheWaitAndRescheduleKeepsIt() {
    Engines.Bound bound = Engines.bound(Rescheduling.class);
    bound.start(Rescheduling.class, 1);
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(log).containsExactly("immediately", "later", "wait", "done");
    assertThat(bound.userErrors()).isEmpty();
  }

  @Test
  void aUserWaitingInsideItsTaskStopsThereDespiteTheStopTimeout() throws InterruptedException {
    Engines.Bound bound = Engines.bound(WaitsInTask.class);
    bound.start(WaitsInTask.class, 1);
    sleeping.await();
    Engines.await("the user to wait", () -> bound.users().aliveCount() == 1);
    bound.users().applyTargets(Map.of("WaitsInTask", 0), Duration.ofHours(1));
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(log).containsExactly("before", "onStop");
  }
}
