package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.WaitTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class UserGroupTargetsTest {

  static final List<String> stopped = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    stopped.clear();
  }

  /** Waits long after each task, so a stop finds it waiting. */
  static class Sleeper extends User {
    @Override
    public WaitTime waitTime() {
      return WaitTime.constant(3600);
    }

    @Task
    void nothing() {}

    @Override
    public void onStop() {
      stopped.add(Thread.currentThread().getName());
    }
  }

  static class Other extends Sleeper {}

  @Test
  void applyTargetsStartsAndStopsTheDifference() {
    Engines.Bound bound = Engines.bound(Sleeper.class, Other.class);
    UserGroup users = bound.users();

    Set<String> unknown = users.applyTargets(Map.of("Sleeper", 3, "Other", 2), Duration.ZERO);
    assertThat(unknown).isEmpty();
    assertThat(users.userCountsByClass()).isEqualTo(Map.of("Sleeper", 3, "Other", 2));
    assertThat(users.userCount()).isEqualTo(5);

    users.applyTargets(Map.of("Sleeper", 1), Duration.ofSeconds(30));
    assertThat(users.userCountsByClass()).isEqualTo(Map.of("Sleeper", 1, "Other", 2));
    Engines.await("two users to end", () -> users.aliveCount() == 3);

    users.applyTargets(Map.of("Sleeper", 2, "Other", 0), Duration.ZERO);
    assertThat(users.userCountsByClass()).isEqualTo(Map.of("Sleeper", 2));

    users.stopAll(Duration.ZERO);
    assertThat(users.userCount()).isZero();
    assertThat(users.aliveCount()).isZero();
    assertThat(bound.userErrors()).isEmpty();
  }

  @Test
  void theMostRecentlyStartedUsersStopFirst() {
    Engines.Bound bound = Engines.bound(Sleeper.class);
    UserGroup users = bound.users();
    users.applyTargets(Map.of("Sleeper", 3), Duration.ZERO);
    Engines.await("three users to wait", () -> users.aliveCount() == 3);

    users.applyTargets(Map.of("Sleeper", 1), Duration.ZERO);
    Engines.await("two users to stop", () -> stopped.size() == 2);

    assertThat(stopped).containsExactlyInAnyOrder("Sleeper-2", "Sleeper-3");
    users.stopAll(Duration.ZERO);
    assertThat(stopped).contains("Sleeper-1");
  }

  @Test
  void unknownClassesAreReportedAndIgnored() {
    Engines.Bound bound = Engines.bound(Sleeper.class);
    Set<String> unknown =
        bound.users().applyTargets(Map.of("Sleeper", 1, "Ghost", 4, "Alien", 1), Duration.ZERO);
    assertThat(unknown).containsExactly("Alien", "Ghost");
    assertThat(bound.users().userCountsByClass()).isEqualTo(Map.of("Sleeper", 1));
    bound.stopAll();
  }

  @Test
  void aWaitingUserStopsAtOnceDespiteAStopTimeout() {
    Engines.Bound bound = Engines.bound(Sleeper.class);
    bound.start(Sleeper.class, 1);
    Engines.await("the user to run", () -> bound.users().aliveCount() == 1);
    bound.users().applyTargets(Map.of("Sleeper", 0), Duration.ofHours(1));
    Engines.await("the waiting user to stop", () -> bound.users().aliveCount() == 0);
    assertThat(stopped).containsExactly("Sleeper-1");
  }
}
