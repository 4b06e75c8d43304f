package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.SequentialTaskSet;
import io.hatchery.StopUser;
import io.hatchery.Task;
import io.hatchery.Tasks;
import io.hatchery.User;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SequentialTaskSetTest {

  static final List<String> steps = new CopyOnWriteArrayList<>();

  static void step(String name) {
    steps.add(name);
    if (steps.size() == 10) {
      throw new StopUser();
    }
  }

  static class Shopper extends User {
    @Task
    static class Checkout extends SequentialTaskSet {
      static Tasks tasks() {
        return Tasks.<Checkout>builder().add("login", c -> step("login")).build();
      }

      @Task(order = 3)
      void pay() {
        step("pay");
      }

      @Task(order = 1, weight = 2)
      void cart() {
        step("cart");
      }

      @Task(order = 2)
      void address() {
        step("address");
      }
    }
  }

  static class Ambiguous extends User {
    @Task
    static class Steps extends SequentialTaskSet {
      @Task
      void a() {}

      @Task
      void b() {}
    }
  }

  @Test
  void tasksRunInListThenOrderRepeatingByWeightAndLoop() {
    Engines.Bound bound = Engines.bound(Shopper.class);
    bound.start(Shopper.class, 1);
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(steps)
        .containsExactly(
            "login", "cart", "cart", "address", "pay", "login", "cart", "cart", "address", "pay");
  }

  @Test
  void tasksSharingAnOrderAreRejected() {
    assertThatThrownBy(() -> UserClassModel.of(Ambiguous.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share @Task(order = 0)");
  }
}
