package io.hatchery.http;

import io.hatchery.stats.ErrorTexts;

/**
 * Thrown by a scenario's {@link ResponseCheck} to fail the request: Locust's {@code ResponseError}
 * raised inside a {@code catch_response} block, reported as {@code ResponseError('message')}. Any
 * other exception thrown by a check leaves the request unreported and reaches the task, as in
 * Locust. Immutable.
 */
public final class ResponseError extends RequestException {
  private static final long serialVersionUID = 1L;

  /** A failure with {@code message}. */
  public ResponseError(String message) {
    super(message, ErrorTexts.ofException("ResponseError", message), null);
  }
}
