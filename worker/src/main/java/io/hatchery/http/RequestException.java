package io.hatchery.http;

/**
 * A failed request as the scenario and the statistics see it: the common type of {@link HttpError},
 * {@link ConnectionError}, {@link CatchResponseError} and {@link ResponseError}.
 *
 * <p>{@link #errorText()} is the text a Locust 2.12.1 worker puts on the wire for the same failure
 * (Python's {@code repr} of the exception, e.g. {@code HTTPError('404 Client Error: Not Found for
 * url: /item')}), so Java and Python workers group their errors the same way. Immutable.
 */
public abstract class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorText;

  RequestException(String message, String errorText, Throwable cause) {
    super(message, cause, false, false);
    this.errorText = errorText;
  }

  /** Locust's wire text for this failure, the key its statistics group errors by. */
  public final String errorText() {
    return errorText;
  }
}
