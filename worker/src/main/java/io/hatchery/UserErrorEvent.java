package io.hatchery;

/**
 * An exception a task, {@code onStart} or {@code onStop} threw and did not handle (Locust's {@code
 * user_error} event). The user goes on with its next task (Locust's {@code catch_exceptions}),
 * except after an {@code onStart} failure, which ends the user. Immutable.
 *
 * @param owner the {@link User} or {@link TaskSet} whose code threw
 * @param exception the exception, with its stack trace
 */
public record UserErrorEvent(TaskHolder owner, Throwable exception) {}
