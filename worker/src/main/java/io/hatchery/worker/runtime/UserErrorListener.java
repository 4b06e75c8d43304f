package io.hatchery.worker.runtime;

/**
 * Told about every exception a user's task or {@code onStart}/{@code onStop} threw that the
 * scenario did not handle (Locust's {@code user_error} event). The worker runtime turns these into
 * {@code exception} messages. Called on user threads; implementations must be thread-safe and must
 * not block.
 */
@FunctionalInterface
public interface UserErrorListener {

  /**
   * @param error the exception, with its stack trace
   */
  void onUserError(Throwable error);
}
