package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hatchery.Task;
import io.hatchery.TaskSet;
import io.hatchery.User;
import io.hatchery.UserClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TaskRatiosTest {

  @UserClass(weight = 3)
  static class Shop extends User {
    @Task(weight = 3)
    void browse() {}

    @Task(weight = 1)
    static class Forum extends TaskSet {
      @Task
      void read() {}

      @Task
      void write() {}
    }
  }

  @UserClass(weight = 1)
  static class Admin extends User {
    @Task
    void audit() {}
  }

  @UserClass(fixedCount = 2)
  static class Robot extends User {
    @Task
    void beep() {}
  }

  private final UserClasses classes = UserClasses.of(List.of(Shop.class, Admin.class));

  @Test
  void distributionSharesUsersByWeightAndRoundsHalfToEven() {
    assertThat(TaskRatios.distribution(classes, 4))
        .containsExactly(Map.entry("Shop", 3), Map.entry("Admin", 1));
    assertThat(TaskRatios.distribution(classes, 2))
        .containsExactly(Map.entry("Shop", 2), Map.entry("Admin", 0));
    assertThat(TaskRatios.distribution(classes, 0))
        .containsExactly(Map.entry("Shop", 3), Map.entry("Admin", 1));
    UserClasses withFixed = UserClasses.of(List.of(Shop.class, Robot.class));
    assertThat(TaskRatios.distribution(withFixed, 5))
        .containsExactly(Map.entry("Shop", 3), Map.entry("Robot", 2));
  }

  @Test
  void equalWeightsGiveEveryClassAndEachOwnTaskTheSameShare() {
    UserClasses equal =
        UserClasses.of(List.of(Shop.class, Admin.class, Robot.class)).withEqualWeights();

    assertThat(equal.describe())
        .extracting(UserClassDescription::weight, UserClassDescription::fixedCount)
        .containsExactly(tuple(1.0, 0), tuple(1.0, 0), tuple(1.0, 2));
    assertThat(TaskRatios.distribution(equal, 6))
        .containsExactly(Map.entry("Shop", 2), Map.entry("Admin", 2), Map.entry("Robot", 2));
    // Shop's own tasks are drawn alike; the nested task set keeps its inner weights (Locust
    // 2.12.1).
    assertThat(TaskRatios.ratios(equal, Map.of("Shop", 1), false).get("Shop"))
        .isEqualTo(
            Map.of(
                "ratio",
                1.0,
                "tasks",
                Map.of(
                    "browse",
                    Map.of("ratio", 0.5),
                    "Forum",
                    Map.of(
                        "ratio",
                        0.5,
                        "tasks",
                        Map.of("read", Map.of("ratio", 0.5), "write", Map.of("ratio", 0.5))))));
  }

  @Test
  void perClassRatiosAreSharesOfEachPool() {
    Map<String, Object> ratios = TaskRatios.ratios(classes, Map.of("Shop", 3, "Admin", 1), false);
    assertThat(ratios)
        .isEqualTo(
            Map.of(
                "Shop",
                Map.of(
                    "ratio",
                    0.75,
                    "tasks",
                    Map.of(
                        "browse",
                        Map.of("ratio", 0.75),
                        "Forum",
                        Map.of(
                            "ratio",
                            0.25,
                            "tasks",
                            Map.of("read", Map.of("ratio", 0.5), "write", Map.of("ratio", 0.5))))),
                "Admin",
                Map.of("ratio", 0.25, "tasks", Map.of("audit", Map.of("ratio", 1.0)))));
  }

  @Test
  void totalRatiosMultiplyDownFromTheClass() {
    Map<String, Object> json = TaskRatios.json(classes, Map.of("Shop", 3, "Admin", 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> shop =
        (Map<String, Object>) ((Map<String, Object>) json.get("total")).get("Shop");
    assertThat(shop.get("tasks"))
        .isEqualTo(
            Map.of(
                "browse",
                Map.of("ratio", 0.5625),
                "Forum",
                Map.of(
                    "ratio",
                    0.1875,
                    "tasks",
                    Map.of("read", Map.of("ratio", 0.09375), "write", Map.of("ratio", 0.09375)))));
    assertThat(json).containsKeys("per_class", "total");
  }

  @Test
  void tableIndentsNestedTasksLikeLocust() {
    List<String> lines =
        TaskRatios.table(TaskRatios.ratios(classes, Map.of("Shop", 3, "Admin", 1), false));
    assertThat(lines.get(0)).isEqualTo(String.format(" %-10s %-50s", "75.0  ", "Shop"));
    assertThat(lines.get(1)).isEqualTo(String.format(" %-10s %-50s", "  75.0  ", "  browse"));
    assertThat(lines.get(3)).isEqualTo(String.format(" %-10s %-50s", "    50.0  ", "    read"));
    assertThat(lines).hasSize(7);
  }
}
