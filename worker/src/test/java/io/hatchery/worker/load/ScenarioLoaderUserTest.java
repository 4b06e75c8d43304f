package io.hatchery.worker.load;

import static io.hatchery.worker.load.ScenarioFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.User;
import io.hatchery.worker.engine.UserClassDescription;
import io.hatchery.worker.engine.UserClasses;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ScenarioLoaderUserTest {
  @TempDir Path dir;

  @Test
  void scenarioWrittenAgainstTheRealApiLoadsAndFeedsTheEngine() throws Exception {
    write(
        dir,
        "locustfile.java",
        """
        import io.hatchery.*;

        @UserClass(weight = 3)
        public class Shopper extends User {
          @Override public WaitTime waitTime() { return WaitTime.between(1, 2); }
          @Task(weight = 2) public void browse() {}
          @Task public void buy() {}
          @Task static class Forum extends TaskSet {
            @Task public void read() {}
          }
        }

        @UserClass(fixedCount = 1)
        class Admin extends User {
          @Task void audit() {}
        }

        abstract class Base extends User {}
        """);

    LoadedScenario scenario = ScenarioLoader.forUsers().load(null, dir);
    List<Class<? extends User>> users =
        LoadedScenario.asSubclasses(scenario.select(List.of()), User.class);

    assertThat(scenario.userClassNames()).containsExactly("Shopper", "Admin");
    assertThat(UserClasses.of(users).describe())
        .containsExactly(
            new UserClassDescription("Shopper", 3, 0, Set.of(), null),
            new UserClassDescription("Admin", 1, 1, Set.of(), null));
  }
}
