package io.hatchery.master.web;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a user class's task list, as the master knows it from the scenario: a task, or a
 * task set with its own tasks. Feeds {@code /tasks} (Locust's {@code get_ratio}). Immutable.
 *
 * @param name the task's function or task set's class name
 * @param weight how often it appears in its parent's list (Locust's {@code @task(weight)}), &ge; 1
 * @param tasks the tasks of a task set; empty for a plain task
 */
public record TaskNode(String name, int weight, List<TaskNode> tasks) {

  public TaskNode {
    Objects.requireNonNull(name, "name");
    if (weight < 1) {
      throw new IllegalArgumentException("task weight must be >= 1: " + weight);
    }
    tasks = List.copyOf(tasks);
  }

  /** A plain task. */
  public static TaskNode task(String name, int weight) {
    return new TaskNode(name, weight, List.of());
  }
}
