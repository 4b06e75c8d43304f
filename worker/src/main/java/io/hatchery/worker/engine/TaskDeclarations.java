package io.hatchery.worker.engine;

import io.hatchery.SequentialTaskSet;
import io.hatchery.Tag;
import io.hatchery.Task;
import io.hatchery.TaskHolder;
import io.hatchery.TaskSet;
import io.hatchery.Tasks;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tasks a class declares into a {@link TaskTree}, as Locust's {@code
 * get_tasks_from_base_classes} does: superclass tasks first, then per class its static {@code
 * tasks()} list, its {@link Task} methods (by name) and its {@link Task} nested task set classes
 * (by name); a {@link io.hatchery.SequentialTaskSet} orders annotated tasks by {@link Task#order()}
 * instead. A {@link Tag} on a class applies to every task in it. Stateless.
 */
final class TaskDeclarations {

  private TaskDeclarations() {}

  /**
   * Returns the task tree of {@code type}.
   *
   * @throws IllegalArgumentException for a malformed declaration (a task method with parameters, a
   *     static task method, duplicate orders in a sequential set, a task set containing itself)
   */
  static TaskTree treeOf(Class<? extends TaskHolder> type) {
    return build(type, new HashSet<>());
  }

  private static TaskTree build(Class<? extends TaskHolder> type, Set<Class<?>> enclosing) {
    if (!enclosing.add(type)) {
      throw new IllegalArgumentException(type.getName() + " contains itself as a task");
    }
    boolean sequential = SequentialTaskSet.class.isAssignableFrom(type);
    Map<String, TaskNode> byKey = new LinkedHashMap<>();
    for (Class<?> level : hierarchy(type)) {
      for (TaskNode node : declaredAt(level, sequential, enclosing)) {
        String key = node.method() != null ? "method:" + node.name() : "#" + byKey.size();
        byKey.put(key, node);
      }
    }
    enclosing.remove(type);
    TaskTree tree = new TaskTree(type, sequential, new ArrayList<>(byKey.values()));
    Tag tag = type.getAnnotation(Tag.class);
    return tag == null ? tree : tree.withTags(Set.of(tag.value()));
  }

  private static List<TaskNode> declaredAt(
      Class<?> level, boolean sequential, Set<Class<?>> enclosing) {
    List<TaskNode> listed = listed(level, enclosing);
    List<TaskNode> annotated = new ArrayList<>();
    for (Method method : level.getDeclaredMethods()) {
      Task task = method.getAnnotation(Task.class);
      if (task != null && !method.isSynthetic()) {
        annotated.add(methodNode(method, task));
      }
    }
    for (Class<?> nested : level.getDeclaredClasses()) {
      Task task = nested.getAnnotation(Task.class);
      if (task != null) {
        annotated.add(taskSetNode(nested, task.weight(), task.order(), enclosing));
      }
    }
    Comparator<TaskNode> byName = Comparator.comparing(TaskNode::name);
    if (sequential) {
      checkDistinctOrders(level, annotated);
      annotated.sort(Comparator.comparingInt(TaskNode::order).thenComparing(byName));
    } else {
      annotated.sort(
          Comparator.comparing((TaskNode n) -> n.taskSet() != null).thenComparing(byName));
    }
    listed.addAll(annotated);
    return listed;
  }

  private static List<TaskNode> listed(Class<?> level, Set<Class<?>> enclosing) {
    List<TaskNode> nodes = new ArrayList<>();
    Method tasks;
    try {
      tasks = level.getDeclaredMethod("tasks");
    } catch (NoSuchMethodException e) {
      return nodes;
    }
    if (!Modifier.isStatic(tasks.getModifiers()) || tasks.getReturnType() != Tasks.class) {
      return nodes;
    }
    Tasks list;
    try {
      tasks.setAccessible(true);
      list = (Tasks) tasks.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(level.getName() + ".tasks() failed", e);
    }
    for (Tasks.Entry entry : list.entries()) {
      if (entry.function() != null) {
        nodes.add(
            new TaskNode(
                entry.name(), entry.weight(), 0, entry.tags(), null, entry.function(), null));
      } else {
        nodes.add(taskSetNode(entry.taskSet(), entry.weight(), 0, enclosing));
      }
    }
    return nodes;
  }

  private static TaskNode methodNode(Method method, Task task) {
    String where = method.getDeclaringClass().getName() + "." + method.getName();
    if (method.getParameterCount() != 0) {
      throw new IllegalArgumentException("@Task method " + where + " must take no parameters");
    }
    if (Modifier.isStatic(method.getModifiers())) {
      throw new IllegalArgumentException("@Task method " + where + " must not be static");
    }
    method.setAccessible(true);
    Tag tag = method.getAnnotation(Tag.class);
    Set<String> tags = tag == null ? Set.of() : Set.of(tag.value());
    return new TaskNode(method.getName(), task.weight(), task.order(), tags, method, null, null);
  }

  private static TaskNode taskSetNode(
      Class<?> nested, int weight, int order, Set<Class<?>> enclosing) {
    if (!TaskSet.class.isAssignableFrom(nested)) {
      throw new IllegalArgumentException(
          "@Task class " + nested.getName() + " must extend TaskSet or SequentialTaskSet");
    }
    @SuppressWarnings("unchecked")
    TaskTree tree = build((Class<? extends TaskHolder>) nested, enclosing);
    return new TaskNode(nested.getSimpleName(), weight, order, Set.of(), null, null, tree);
  }

  private static void checkDistinctOrders(Class<?> level, List<TaskNode> annotated) {
    Map<Integer, String> seen = new HashMap<>();
    for (TaskNode node : annotated) {
      String other = seen.putIfAbsent(node.order(), node.name());
      if (other != null) {
        throw new IllegalArgumentException(
            "SequentialTaskSet "
                + level.getName()
                + ": tasks "
                + other
                + " and "
                + node.name()
                + " share @Task(order = "
                + node.order()
                + "); give each task its own order");
      }
    }
  }

  /** The class and its superclasses, topmost first, excluding {@link Object}. */
  private static Deque<Class<?>> hierarchy(Class<?> type) {
    Deque<Class<?>> chain = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.addFirst(c);
    }
    return chain;
  }
}
