package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.StopUser;
import io.hatchery.Task;
import io.hatchery.TaskSet;
import io.hatchery.User;
import io.hatchery.WaitTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TaskSetNestingTest {

  static final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    log.clear();
  }

  static void note(String entry) {
    log.add(entry);
    if (log.size() >= 20) {
      throw new StopUser();
    }
  }

  static class RescheduleUser extends User {
    @Override
    public WaitTime waitTime() {
      return context -> {
        note("user-wait");
        return Duration.ZERO;
      };
    }

    @Override
    public void onStop() {
      log.add("user-stop");
    }

    @Task
    static class Inner extends TaskSet {
      @Override
      public void onStart() {
        note("start:" + (parent() instanceof RescheduleUser) + ":" + (user() == parent()));
      }

      @Task
      void work() {
        note("inner");
        interrupt(true);
      }

      @Override
      public void onStop() {
        log.add("stop");
      }
    }
  }

  static class WaitingUser extends User {
    @Override
    public WaitTime waitTime() {
      return context -> {
        note("user-wait");
        return Duration.ZERO;
      };
    }

    @Task
    static class Inner extends TaskSet {
      @Override
      public WaitTime waitTime() {
        return context -> {
          note("inner-wait");
          return Duration.ZERO;
        };
      }

      @Task
      void work() {
        note("inner");
        if (log.stream().filter("inner"::equals).count() % 2 == 0) {
          interrupt(false);
        }
      }

      @Override
      public void onStop() {
        log.add("stop");
      }
    }
  }

  static class Outer extends User {
    @Task
    static class Level1 extends TaskSet {
      @Task
      static class Level2 extends TaskSet {
        @Task
        void deep() {
          Level1 parent = (Level1) parent();
          Outer user = user();
          note("deep:" + (parent.parent() == user));
          throw new StopUser();
        }

        @Override
        public void onStop() {
          log.add("level2-stop");
        }
      }

      @Override
      public void onStop() {
        log.add("level1-stop");
      }
    }

    @Override
    public void onStop() {
      log.add("user-stop");
    }
  }

  private static void runUntilStopped(Class<? extends User> type) {
    Engines.Bound bound = Engines.bound(type);
    bound.start(type, 1);
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(bound.userErrors()).isEmpty();
  }

  @Test
  void interruptWithRescheduleReturnsToTheParentWithoutWaiting() {
    runUntilStopped(RescheduleUser.class);
    assertThat(log.subList(0, 6))
        .containsExactly("start:true:true", "inner", "stop", "start:true:true", "inner", "stop");
    assertThat(log).doesNotContain("user-wait").endsWith("user-stop");
  }

  @Test
  void interruptWithoutRescheduleMakesTheParentWait() {
    runUntilStopped(WaitingUser.class);
    assertThat(log.subList(0, 5))
        .containsExactly("inner", "inner-wait", "inner", "stop", "user-wait");
  }

  @Test
  void stopUserUnwindsEveryLevelThroughOnStop() {
    runUntilStopped(Outer.class);
    assertThat(log).containsExactly("deep:true", "level2-stop", "level1-stop", "user-stop");
  }
}
