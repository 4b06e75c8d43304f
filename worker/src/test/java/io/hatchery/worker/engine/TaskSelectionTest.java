package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hatchery.StopUser;
import io.hatchery.Task;
import io.hatchery.TaskFunction;
import io.hatchery.Tasks;
import io.hatchery.User;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TaskSelectionTest {

  static final int RUNS = 8000;
  static final AtomicInteger light = new AtomicInteger();
  static final AtomicInteger heavy = new AtomicInteger();
  static final AtomicInteger listed = new AtomicInteger();

  static class WeightedUser extends User {
    static Tasks tasks() {
      TaskFunction<WeightedUser> fromList = user -> user.count(listed);
      return Tasks.<WeightedUser>builder().add("fromList", fromList, 2).build();
    }

    @Task
    void light() {
      count(light);
    }

    @Task(weight = 3)
    void heavy() {
      count(heavy);
    }

    void count(AtomicInteger counter) {
      counter.incrementAndGet();
      if (light.get() + heavy.get() + listed.get() >= RUNS) {
        throw new StopUser();
      }
    }
  }

  @Test
  void poolRepeatsEachTaskByItsWeight() {
    TaskTree tree = UserClassModel.of(WeightedUser.class).tree();
    List<String> pool = tree.pool().stream().map(TaskNode::name).toList();
    assertThat(pool).containsExactly("fromList", "fromList", "heavy", "heavy", "heavy", "light");
  }

  @Test
  void tasksAreChosenInProportionToTheirWeight() {
    Engines.Bound bound = Engines.bound(WeightedUser.class);
    bound.start(WeightedUser.class, 1);
    Engines.await("the user to stop itself", () -> bound.users().aliveCount() == 0);

    assertThat(light.get() + heavy.get() + listed.get()).isEqualTo(RUNS);
    assertThat(heavy.get() / (double) RUNS).isCloseTo(3 / 6.0, within(0.03));
    assertThat(listed.get() / (double) RUNS).isCloseTo(2 / 6.0, within(0.03));
    assertThat(light.get() / (double) RUNS).isCloseTo(1 / 6.0, within(0.03));
    assertThat(bound.userErrors()).isEmpty();
  }
}
