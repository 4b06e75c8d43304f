package io.hatchery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a task: a method of a {@link User} or {@link TaskSet}, or a nested {@link TaskSet} class
 * declared inside one (Locust's {@code @task} on a method or an inner class).
 *
 * <pre>{@code
 * @Task(weight = 3) public void viewItems() { ... }   // picked 3x as often as a weight-1 task
 * @Task(weight = 2) static class Forum extends TaskSet { ... }
 * }</pre>
 *
 * <p>A task method takes no parameters, may be non-public and may declare checked exceptions. In a
 * {@link TaskSet} a task is chosen at random, each task {@code weight} times in the pool. In a
 * {@link SequentialTaskSet} the tasks run in ascending {@link #order()} (each {@code weight} times
 * in a row); two tasks of one sequential set must not share an order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Task {

  /** How many entries this task gets in the random pool, &ge; 1 (Locust: {@code @task(3)}). */
  int weight() default 1;

  /**
   * Position in a {@link SequentialTaskSet} (Locust 0.x: {@code @seq_task(n)}); ignored elsewhere.
   */
  int order() default 0;
}
