package io.hatchery;

/**
 * A task set that runs its tasks in a fixed order, over and over (Locust's {@code
 * SequentialTaskSet}; 0.x {@code TaskSequence}): first the entries of its static {@code tasks()}
 * list in list order, then its {@link Task} methods and classes in ascending {@link Task#order()}
 * (0.x {@code @seq_task(n)}); a task of weight n runs n times in a row. Two annotated tasks may not
 * share an order, since Java does not report methods in declaration order.
 *
 * <pre>{@code
 * static class Checkout extends SequentialTaskSet {
 *   @Task(order = 1) void cart() { ... }
 *   @Task(order = 2) void pay() { ... }
 *   @Task(order = 3) void done() { interrupt(); }
 * }
 * }</pre>
 */
public abstract class SequentialTaskSet extends TaskSet {

  /** Binds the task set to the parent the engine is creating it under. */
  protected SequentialTaskSet() {}
}
