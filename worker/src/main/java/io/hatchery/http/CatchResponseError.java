package io.hatchery.http;

import io.hatchery.stats.ErrorTexts;

/**
 * The failure a response check gives with {@link Response#failure(String)}: Locust's {@code
 * CatchResponseError(reason)}, reported as {@code CatchResponseError('reason')}. Immutable.
 */
public final class CatchResponseError extends RequestException {
  private static final long serialVersionUID = 1L;

  /** A failure with {@code reason} as its message. */
  public CatchResponseError(String reason) {
    super(reason, ErrorTexts.ofException("CatchResponseError", reason), null);
  }
}
