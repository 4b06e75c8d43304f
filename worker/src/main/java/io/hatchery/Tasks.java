package io.hatchery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A task list declared in code rather than with {@link Task} annotations: Locust's {@code tasks =
 * [f, g]} or {@code tasks = {f: 3, ForumPage: 15}}. A {@link User} or {@link TaskSet} class
 * declares it with a static method named {@code tasks} taking no parameters; its entries join the
 * annotated tasks (and those of superclasses).
 *
 * <pre>{@code
 * public class ShopUser extends HttpUser {
 *   static Tasks tasks() {
 *     return Tasks.<ShopUser>builder()
 *         .add("browse", ShopUser::browse, 3)
 *         .add(Forum.class, 15)
 *         .build();
 *   }
 *   void browse() { client.get("/"); }
 * }
 * }</pre>
 *
 * <p>In a {@link SequentialTaskSet} the entries run in list order, before its annotated tasks.
 * Immutable.
 */
public final class Tasks {

  /**
   * One declared entry: exactly one of {@code function} and {@code taskSet} is non-null.
   *
   * @param name the task's name in ratios and logs
   * @param function the task, called with its owner
   * @param taskSet a nested task set class
   * @param weight entries in the random pool, &ge; 1
   * @param tags tags for {@code --tags}/{@code --exclude-tags}
   */
  public record Entry(
      String name,
      TaskFunction<Object> function,
      Class<? extends TaskSet> taskSet,
      int weight,
      Set<String> tags) {

    /** Checks the entry. */
    public Entry {
      Objects.requireNonNull(name, "name");
      if ((function == null) == (taskSet == null)) {
        throw new IllegalArgumentException(name + ": give a function or a task set class");
      }
      if (weight < 1) {
        throw new IllegalArgumentException(name + ": weight must be >= 1: " + weight);
      }
      tags = Set.copyOf(tags);
    }
  }

  private final List<Entry> entries;

  private Tasks(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Starts a list whose functions take an owner of type {@code T}. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** The entries in declaration order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Builds a {@link Tasks}; not thread-safe. */
  public static final class Builder<T> {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    /** Adds a function task with weight 1. */
    public Builder<T> add(String name, TaskFunction<? super T> function) {
      return add(name, function, 1);
    }

    /** Adds a function task with {@code weight} and optional tags. */
    @SuppressWarnings("unchecked")
    public Builder<T> add(
        String name, TaskFunction<? super T> function, int weight, String... tags) {
      Objects.requireNonNull(function, "function");
      entries.add(new Entry(name, (TaskFunction<Object>) function, null, weight, Set.of(tags)));
      return this;
    }

    /** Adds a nested task set with weight 1. */
    public Builder<T> add(Class<? extends TaskSet> taskSet) {
      return add(taskSet, 1);
    }

    /** Adds a nested task set with {@code weight}; its own {@link Tag}s apply to its tasks. */
    public Builder<T> add(Class<? extends TaskSet> taskSet, int weight) {
      entries.add(new Entry(taskSet.getSimpleName(), null, taskSet, weight, Set.of()));
      return this;
    }

    /** Returns the list. */
    public Tasks build() {
      return new Tasks(entries);
    }
  }
}
