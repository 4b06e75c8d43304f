package io.hatchery.http;

import io.hatchery.stats.ErrorTexts;

/**
 * A response with status 400 to 599: requests' {@code HTTPError} raised by {@code
 * raise_for_status}, which Locust reports as the failure of such a request.
 *
 * <p>The message is requests' (2.28): {@code "404 Client Error: Not Found for url: <url>"}, {@code
 * "Server Error"} from 500 to 599, the reason phrase as the server sent it; {@code <url>} is the
 * final URL after redirects, or the request's name when the scenario named an unchecked request
 * (Locust swaps {@code response.url} for the name so that errors group under it). Immutable.
 */
public final class HttpError extends RequestException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String reason, String url) {
    this(status, message(status, reason, url));
  }

  private HttpError(int status, String message) {
    super(message, ErrorTexts.ofException("HTTPError", message), null);
    this.status = status;
  }

  /** The response status, 400..599. */
  public int status() {
    return status;
  }

  private static String message(int status, String reason, String url) {
    String kind = status < 500 ? "Client Error" : "Server Error";
    return status + " " + kind + ": " + (reason == null ? "" : reason) + " for url: " + url;
  }
}
