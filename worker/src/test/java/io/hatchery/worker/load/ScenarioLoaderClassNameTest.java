package io.hatchery.worker.load;

import static io.hatchery.worker.load.ScenarioFiles.loader;
import static io.hatchery.worker.load.ScenarioFiles.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.worker.load.fixture.ClasspathUser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ScenarioLoaderClassNameTest {
  private static final String DESCRIPTION =
      "a concrete (non-abstract, top-level or static nested) class that extends"
          + " io.hatchery.worker.load.SampleUser";

  @TempDir Path dir;

  @Test
  void classOnTheClasspathIsLoadedByName() throws Exception {
    LoadedScenario scenario = loader().load("io.hatchery.worker.load.fixture.ClasspathUser", dir);

    assertThat(scenario.userClasses()).containsExactly(ClasspathUser.class);
    assertThat(run(scenario.userClasses().get(0))).isEqualTo("classpath");
  }

  @Test
  void nestedClassIsFoundWithDotOrDollar() throws Exception {
    LoadedScenario scenario =
        loader()
            .load(
                "io.hatchery.worker.load.fixture.ClasspathUser.Nested,"
                    + "io.hatchery.worker.load.fixture.ClasspathUser$Nested",
                dir);

    assertThat(scenario.userClasses()).containsExactly(ClasspathUser.Nested.class);
  }

  @Test
  void unknownClassNameIsReportedPrecisely() {
    assertThatThrownBy(() -> loader().load("com.example.NoSuchUser", dir))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage(
            "Could not find 'com.example.NoSuchUser': no such file or directory, and no class of"
                + " that name on the classpath.");
  }

  @Test
  void classThatIsNotAUserClassIsRejected() {
    assertThatThrownBy(() -> loader().load("java.lang.String", dir))
        .hasMessage(
            "Class java.lang.String is not a user class: a user class is " + DESCRIPTION + ".");
    assertThatThrownBy(() -> loader().load("io.hatchery.worker.load.SampleUser", dir))
        .hasMessage(
            "Class io.hatchery.worker.load.SampleUser is not a user class: a user class is "
                + DESCRIPTION
                + ".");
  }
}
