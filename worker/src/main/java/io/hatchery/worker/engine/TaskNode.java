package io.hatchery.worker.engine;

import io.hatchery.TaskFunction;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Set;

/**
 * One declared task of a user class or task set: a method, a function from a {@link
 * io.hatchery.Tasks} list, or a nested task set with its own {@link TaskTree}. Exactly one of
 * {@code method}, {@code function}, {@code taskSet} is non-null. Immutable.
 *
 * @param name the task's name (method name, list entry name, or task set class simple name)
 * @param weight entries in the random pool (Locust repeats the task {@code weight} times), &ge; 1
 * @param order position in a sequential task set
 * @param tags the task's tags, including those inherited from tagged task sets around it
 */
public record TaskNode(
    String name,
    int weight,
    int order,
    Set<String> tags,
    Method method,
    TaskFunction<Object> function,
    TaskTree taskSet) {

  /** Checks the node. */
  public TaskNode {
    Objects.requireNonNull(name, "name");
    if (weight < 1) {
      throw new IllegalArgumentException(name + ": task weight must be >= 1: " + weight);
    }
    int kinds = (method == null ? 0 : 1) + (function == null ? 0 : 1) + (taskSet == null ? 0 : 1);
    if (kinds != 1) {
      throw new IllegalArgumentException(name + ": a task is a method, a function or a task set");
    }
    tags = Set.copyOf(tags);
  }

  /** This node with {@code extraTags} added (to it and, for a task set, to every task inside). */
  TaskNode withTags(Set<String> extraTags) {
    if (extraTags.isEmpty()) {
      return this;
    }
    if (taskSet != null) {
      return new TaskNode(name, weight, order, tags, null, null, taskSet.withTags(extraTags));
    }
    java.util.Set<String> all = new java.util.HashSet<>(tags);
    all.addAll(extraTags);
    return new TaskNode(name, weight, order, all, method, function, null);
  }

  /** This node drawn with {@code newWeight} instead of its declared weight. */
  TaskNode withWeight(int newWeight) {
    return new TaskNode(name, newWeight, order, tags, method, function, taskSet);
  }

  /** This task set node with {@code tree} in place of its tree. */
  TaskNode withTree(TaskTree tree) {
    return new TaskNode(name, weight, order, tags, null, null, tree);
  }
}
