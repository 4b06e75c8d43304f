package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hatchery.Task;
import io.hatchery.User;
import io.hatchery.UserClass;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class UserClassesTest {

  @UserClass(weight = 2.5, host = "http://shop.invalid")
  abstract static class Base extends User {
    @Task
    void inherited() {}
  }

  static class Derived extends Base {
    @Task(weight = 2)
    void own() {}
  }

  @UserClass(fixedCount = 3)
  static class Fixed extends User {
    @Task
    void work() {}
  }

  static class Plain extends User {
    @Task
    void work() {}
  }

  static class Outer {
    static class Plain extends User {
      @Task
      void work() {}
    }
  }

  @UserClass(weight = 0)
  static class Disabled extends User {
    @Task
    void work() {}
  }

  @UserClass(weight = 0, fixedCount = 1)
  static class FixedWeightZero extends User {
    @Task
    void work() {}
  }

  static class BadTask extends User {
    @Task
    void needsArgument(int x) {}
  }

  @Test
  void descriptionsCarryWeightFixedCountHostAndInheritance() {
    List<UserClassDescription> descriptions =
        UserClasses.of(List.of(Derived.class, Fixed.class, Plain.class)).describe();
    assertThat(descriptions)
        .containsExactly(
            new UserClassDescription("Derived", 2.5, 0, Set.of(), "http://shop.invalid"),
            new UserClassDescription("Fixed", 1, 3, Set.of(), null),
            new UserClassDescription("Plain", 1, 0, Set.of(), null));
  }

  @Test
  void weightZeroClassesAreLeftOutUnlessFixed() {
    assertThat(
            UserClasses.of(List.of(Plain.class, Disabled.class, FixedWeightZero.class)).describe())
        .extracting(UserClassDescription::name, UserClassDescription::weight)
        .containsExactly(tuple("Plain", 1.0), tuple("FixedWeightZero", 1.0));
    assertThatThrownBy(() -> UserClasses.of(List.of(Disabled.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("There are no users with weight > 0.");
  }

  @Test
  void superclassTasksComeFirst() {
    TaskTree tree = UserClassModel.of(Derived.class).tree();
    assertThat(tree.pool()).extracting(TaskNode::name).containsExactly("inherited", "own", "own");
  }

  @Test
  void abstractClassesDuplicateNamesAndBadTasksAreRejected() {
    assertThatThrownBy(() -> UserClasses.of(List.of(Base.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abstract");
    assertThatThrownBy(() -> UserClasses.of(List.of(Plain.class, Outer.Plain.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate user class name Plain");
    assertThatThrownBy(() -> UserClasses.of(List.of(BadTask.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must take no parameters");
  }
}
