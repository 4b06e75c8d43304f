package io.hatchery.worker.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Task execution ratios for {@code --show-task-ratio}, {@code --show-task-ratio-json} and the web
 * UI's {@code /tasks}: Locust 2.12.1's {@code locust/user/inspectuser.py} ({@code get_ratio},
 * {@code _calc_distribution}, {@code _print_task_ratio}) as pure functions.
 *
 * <pre>{@code
 * Map<String, Integer> spawned = TaskRatios.distribution(classes, 10);   // -u 10
 * Map<String, Object> json = TaskRatios.json(classes, spawned);          // {"per_class": .., "total": ..}
 * TaskRatios.table(TaskRatios.ratios(classes, spawned, true)).forEach(System.out::println);
 * }</pre>
 *
 * <p>The maps are {@code {name: {"ratio": Double[, "tasks": {...}]}}}, insertion-ordered, ready for
 * a JSON writer. Stateless.
 */
public final class TaskRatios {

  private static final String RATIO = "ratio";
  private static final String TASKS = "tasks";

  private TaskRatios() {}

  /**
   * Users per class for {@code numUsers} users (Locust's {@code _calc_distribution}): fixed counts
   * first, the rest shared by weight and rounded half to even; {@code numUsers} 0 means the total
   * weight (or 1 when a class has a fixed count).
   */
  public static Map<String, Integer> distribution(UserClasses classes, int numUsers) {
    List<UserClassDescription> all = classes.describe();
    long fixed = all.stream().mapToLong(UserClassDescription::fixedCount).sum();
    double totalWeight =
        all.stream().filter(c -> c.fixedCount() == 0).mapToDouble(c -> c.weight()).sum();
    double users = numUsers != 0 ? numUsers : (fixed == 0 ? totalWeight : 1);
    double weighted = Math.max(0, users - fixed);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (UserClassDescription c : all) {
      double count = c.fixedCount() > 0 ? c.fixedCount() : c.weight() / totalWeight * weighted;
      counts.put(c.name(), (int) Math.rint(count));
    }
    return counts;
  }

  /**
   * Locust's {@code get_ratio}: each class's share of {@code spawned} users and its tasks' shares
   * of its task pool; with {@code total}, task ratios are multiplied down from the class ratio.
   */
  public static Map<String, Object> ratios(
      UserClasses classes, Map<String, Integer> spawned, boolean total) {
    int userCount = spawned.values().stream().mapToInt(Integer::intValue).sum();
    double divisor = userCount == 0 ? 1 : userCount;
    Map<String, Object> perClass = new LinkedHashMap<>();
    for (UserClassModel model : classes.models()) {
      double ratio = spawned.getOrDefault(model.name(), 0) / divisor;
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(RATIO, ratio);
      entry.put(TASKS, taskRatios(model.tree(), total, ratio));
      perClass.put(model.name(), entry);
    }
    return perClass;
  }

  /** The {@code --show-task-ratio-json} document: {@code {"per_class": .., "total": ..}}. */
  public static Map<String, Object> json(UserClasses classes, Map<String, Integer> spawned) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("per_class", ratios(classes, spawned, false));
    document.put("total", ratios(classes, spawned, true));
    return document;
  }

  /**
   * The lines Locust's {@code _print_task_ratio} prints for {@code ratios}: percentage and name,
   * indented two spaces per level.
   */
  public static List<String> table(Map<String, Object> ratios) {
    List<String> lines = new ArrayList<>();
    appendLines(ratios, 0, lines);
    return lines;
  }

  private static Map<String, Object> taskRatios(TaskTree tree, boolean total, double parentRatio) {
    double parent = total ? parentRatio : 1.0;
    List<TaskNode> pool = tree.pool();
    Map<TaskNode, Integer> occurrences = new LinkedHashMap<>();
    pool.forEach(task -> occurrences.merge(task, 1, Integer::sum));
    Map<String, Object> out = new LinkedHashMap<>();
    occurrences.forEach(
        (task, count) -> {
          double ratio = count * parent / pool.size();
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put(RATIO, ratio);
          if (task.taskSet() != null) {
            entry.put(TASKS, taskRatios(task.taskSet(), total, ratio));
          }
          out.put(task.name(), entry);
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void appendLines(Map<String, Object> level, int depth, List<String> lines) {
    String padding = "  ".repeat(depth);
    level.forEach(
        (name, value) -> {
          Map<String, Object> entry = (Map<String, Object>) value;
          double ratio = entry.get(RATIO) instanceof Double d ? d : 1.0;
          String percent = String.format(Locale.ROOT, "%-6.1f", ratio * 100);
          lines.add(String.format(Locale.ROOT, " %-10s %-50s", padding + percent, padding + name));
          if (entry.get(TASKS) instanceof Map<?, ?> tasks) {
            appendLines((Map<String, Object>) tasks, depth + 1, lines);
          }
        });
  }
}
