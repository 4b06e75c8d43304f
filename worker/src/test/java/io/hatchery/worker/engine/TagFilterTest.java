package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Tag;
import io.hatchery.Task;
import io.hatchery.TaskSet;
import io.hatchery.Tasks;
import io.hatchery.User;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TagFilterTest {

  static class Tagged extends User {
    static Tasks tasks() {
      return Tasks.<Tagged>builder().add("listed", u -> {}, 1, "listed").build();
    }

    @Tag({"a", "b"})
    @Task
    void ab() {}

    @Tag("b")
    @Task
    void onlyB() {}

    @Task
    void untagged() {}

    @Tag("forum")
    @Task
    static class Forum extends TaskSet {
      @Task
      void read() {}

      @Tag("x")
      @Task
      void write() {}
    }
  }

  private static List<String> names(TaskTree tree) {
    return tree.tasks().stream().map(TaskNode::name).toList();
  }

  private static TaskTree filtered(Set<String> tags, Set<String> exclude) {
    return UserClasses.of(List.of(Tagged.class))
        .filterByTags(tags, exclude)
        .byName("Tagged")
        .orElseThrow()
        .tree();
  }

  @Test
  void withoutFiltersEveryTaskStays() {
    assertThat(names(filtered(null, null)))
        .containsExactly("listed", "ab", "onlyB", "untagged", "Forum");
  }

  @Test
  void includeKeepsTasksWithAnyOfTheTags() {
    assertThat(names(filtered(Set.of("a", "listed"), null))).containsExactly("listed", "ab");
  }

  @Test
  void excludeDropsTasksWithAnyOfTheTags() {
    assertThat(names(filtered(null, Set.of("b")))).containsExactly("listed", "untagged", "Forum");
  }

  @Test
  void tagsOnATaskSetApplyToItsTasks() {
    TaskTree tree = filtered(Set.of("forum"), Set.of("x"));
    assertThat(names(tree)).containsExactly("Forum");
    assertThat(names(tree.tasks().get(0).taskSet())).containsExactly("read");
  }

  @Test
  void aTaskSetWithNoTasksLeftIsDropped() {
    assertThat(names(filtered(Set.of("a"), null))).containsExactly("ab");
  }

  @Test
  void descriptionListsEveryTag() {
    UserClassDescription description = UserClasses.of(List.of(Tagged.class)).describe().get(0);
    assertThat(description.tags()).containsExactlyInAnyOrder("a", "b", "forum", "listed", "x");
    assertThat(description.weight()).isEqualTo(1.0);
    assertThat(description.fixedCount()).isZero();
  }
}
