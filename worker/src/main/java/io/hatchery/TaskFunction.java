package io.hatchery;

/**
 * A task given as a function of its owner, for {@link Tasks} lists (Locust's plain functions in
 * {@code tasks = [f, g]}, which receive the user). Typically a method reference such as {@code
 * ShopUser::browse}. Called on the user's thread.
 *
 * @param <T> the owner type: the {@link User} or {@link TaskSet} that declares the list
 */
@FunctionalInterface
public interface TaskFunction<T> {

  /** Runs the task for {@code owner}. */
  void run(T owner) throws Exception;
}
