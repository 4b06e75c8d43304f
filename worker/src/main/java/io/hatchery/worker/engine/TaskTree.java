package io.hatchery.worker.engine;

import io.hatchery.TaskHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tasks of one user class or task set class, in declaration order (Locust's {@code tasks}
 * attribute before weight expansion). Immutable.
 *
 * @param type the user or task set class
 * @param sequential whether tasks run in order ({@link io.hatchery.SequentialTaskSet})
 * @param tasks the declared tasks
 */
public record TaskTree(Class<? extends TaskHolder> type, boolean sequential, List<TaskNode> tasks) {

  /** Copies the task list. */
  public TaskTree {
    tasks = List.copyOf(tasks);
  }

  /**
   * The pool tasks are drawn from: each task repeated {@code weight} times in declaration order
   * (Locust's expanded {@code tasks} list; a sequential set runs it front to back).
   */
  public List<TaskNode> pool() {
    List<TaskNode> pool = new ArrayList<>();
    for (TaskNode task : tasks) {
      for (int i = 0; i < task.weight(); i++) {
        pool.add(task);
      }
    }
    return pool;
  }

  /** Every tag on any task in this tree, nested task sets included, sorted. */
  public Set<String> allTags() {
    Set<String> all = new TreeSet<>();
    for (TaskNode task : tasks) {
      all.addAll(task.tags());
      if (task.taskSet() != null) {
        all.addAll(task.taskSet().allTags());
      }
    }
    return all;
  }

  /** This tree with every task's weight 1 (the trees of nested task sets unchanged). */
  TaskTree withEqualWeights() {
    return new TaskTree(type, sequential, tasks.stream().map(t -> t.withWeight(1)).toList());
  }

  TaskTree withTags(Set<String> extraTags) {
    return new TaskTree(type, sequential, tasks.stream().map(t -> t.withTags(extraTags)).toList());
  }
}
