package io.hatchery.master.web;

import io.hatchery.master.control.MasterSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code /tasks}: Locust 2.12.1's {@code get_ratio} (locust/user/inspectuser.py) over
 * the running user counts by class, {@code per_class} (each class's tasks sum to 1) and {@code
 * total} (tasks scaled by their class's share of the users). Stateless.
 */
final class TaskRatios {

  private TaskRatios() {}

  /**
   * Builds both views; classes the scenario lists no tasks for get an empty {@code tasks} map.
   *
   * @param tasksByClass each user class's task list, by class name
   */
  static Map<String, Object> of(MasterSnapshot snapshot, Map<String, List<TaskNode>> tasksByClass) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("per_class", ratios(snapshot, tasksByClass, false));
    body.put("total", ratios(snapshot, tasksByClass, true));
    return body;
  }

  private static Map<String, Object> ratios(
      MasterSnapshot snapshot, Map<String, List<TaskNode>> tasksByClass, boolean total) {
    Map<String, Integer> spawned = snapshot.userClassesCount();
    int users = spawned.values().stream().mapToInt(Integer::intValue).sum();
    int divisor = users == 0 ? 1 : users;
    Map<String, Object> classes = new LinkedHashMap<>();
    for (String userClass : snapshot.userClassNames()) {
      double ratio = spawned.getOrDefault(userClass, 0) / (double) divisor;
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("ratio", ratio);
      node.put("tasks", tasks(tasksByClass.getOrDefault(userClass, List.of()), total, ratio));
      classes.put(userClass, node);
    }
    return classes;
  }

  private static Map<String, Object> tasks(List<TaskNode> tasks, boolean total, double parent) {
    double parentRatio = total ? parent : 1.0;
    int count = tasks.stream().mapToInt(TaskNode::weight).sum();
    Map<String, Object> byName = new LinkedHashMap<>();
    for (TaskNode task : tasks) {
      double ratio = task.weight() * parentRatio / count;
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("ratio", ratio);
      if (!task.tasks().isEmpty()) {
        node.put("tasks", tasks(task.tasks(), total, ratio));
      }
      byName.put(task.name(), node);
    }
    return byName;
  }
}
