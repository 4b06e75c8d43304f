package io.hatchery.worker.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.worker.load.fixture.ClasspathUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LoadedScenarioTest {
  private final LoadedScenario scenario =
      new LoadedScenario(
          List.of(ClasspathUser.class, ClasspathUser.Nested.class, String.class),
          List.of(ClasspathUser.class, ClasspathUser.Nested.class),
          List.of());

  @Test
  void noNamesSelectsEveryUserClass() throws Exception {
    assertThat(scenario.select(List.of()))
        .containsExactly(ClasspathUser.class, ClasspathUser.Nested.class);
  }

  @Test
  void namesSelectBySimpleOrQualifiedNameInLoadOrder() throws Exception {
    assertThat(
            scenario.select(
                List.of("io.hatchery.worker.load.fixture.ClasspathUser.Nested", "ClasspathUser")))
        .containsExactly(ClasspathUser.class, ClasspathUser.Nested.class);
    assertThat(scenario.select(List.of("io.hatchery.worker.load.fixture.ClasspathUser$Nested")))
        .containsExactly(ClasspathUser.Nested.class);
  }

  @Test
  void unknownNamesAreListedWithTheAvailableOnes() {
    assertThatThrownBy(() -> scenario.select(List.of("Nested", "Admin", "Guest")))
        .isInstanceOf(ScenarioLoadException.class)
        .hasMessage("Unknown User(s): Admin, Guest. Available: ClasspathUser, Nested");
  }

  @Test
  void selectedClassesCanBeTypedAsSubclassesOfTheBase() throws Exception {
    List<Class<? extends SampleUser>> typed =
        LoadedScenario.asSubclasses(scenario.select(List.of("Nested")), SampleUser.class);

    assertThat(typed).containsExactly(ClasspathUser.Nested.class);
    assertThatThrownBy(() -> LoadedScenario.asSubclasses(List.of(String.class), SampleUser.class))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  void listingPrintsLocustsHeadingAndIndentedNames() {
    assertThat(UserClassListing.format(scenario.userClassNames()))
        .isEqualTo("Available Users:\n    ClasspathUser\n    Nested\n");
    assertThat(UserClassListing.format(List.of())).isEqualTo("Available Users:\n");
  }
}
