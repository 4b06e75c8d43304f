package io.hatchery.worker.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code --tags}/{@code --exclude-tags} applied to a task tree, as Locust's {@code
 * filter_tasks_by_tags}: with tags, a task stays when it has at least one of them; with exclude
 * tags, a task stays when it has none of them; a task set stays when any of its tasks stays.
 * Stateless.
 */
final class TagFilter {

  private TagFilter() {}

  /**
   * Returns {@code tree} without the filtered-out tasks.
   *
   * @param tags tags to keep, or null for no include filter
   * @param excludeTags tags to drop, or null for no exclude filter
   */
  static TaskTree filter(TaskTree tree, Set<String> tags, Set<String> excludeTags) {
    List<TaskNode> kept = new ArrayList<>();
    for (TaskNode task : tree.tasks()) {
      if (task.taskSet() != null) {
        TaskTree inner = filter(task.taskSet(), tags, excludeTags);
        if (!inner.tasks().isEmpty()) {
          kept.add(task.withTree(inner));
        }
      } else if (passes(task.tags(), tags, excludeTags)) {
        kept.add(task);
      }
    }
    return new TaskTree(tree.type(), tree.sequential(), kept);
  }

  private static boolean passes(Set<String> taskTags, Set<String> tags, Set<String> excludeTags) {
    boolean passing = true;
    if (tags != null) {
      passing = !Collections.disjoint(taskTags, tags);
    }
    if (excludeTags != null) {
      passing &= Collections.disjoint(taskTags, excludeTags);
    }
    return passing;
  }
}
