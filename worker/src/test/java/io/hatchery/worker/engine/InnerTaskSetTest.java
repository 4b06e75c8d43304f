package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.StopUser;
import io.hatchery.Task;
import io.hatchery.TaskSet;
import io.hatchery.User;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class InnerTaskSetTest {

  static final AtomicReference<String> seen = new AtomicReference<>();

  static class Account extends User {
    final String token = "t-" + Thread.currentThread().getName();

    /** A non-static inner class: its enclosing instance is the running user. */
    @Task
    class Orders extends TaskSet {
      @Task
      void list() {
        seen.set(token.equals(((Account) user()).token) + " " + (parent() == Account.this));
        throw new StopUser();
      }
    }
  }

  @Test
  void anInnerTaskSetGetsItsUserAsEnclosingInstance() {
    Engines.Bound bound = Engines.bound(Account.class);
    bound.start(Account.class, 1);
    Engines.await("the user to end", () -> bound.users().aliveCount() == 0);
    assertThat(bound.userErrors()).isEmpty();
    assertThat(seen.get()).isEqualTo("true true");
  }
}
