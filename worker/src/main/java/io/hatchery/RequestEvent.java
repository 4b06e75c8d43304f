package io.hatchery;

import java.util.Map;
import java.util.Objects;

/**
 * One finished request, reported by a client through {@link Events#request()} (Locust's {@code
 * request} event). A non-null {@code exception} marks a failure. Non-HTTP clients fire it
 * themselves:
 *
 * <pre>{@code
 * long start = System.nanoTime();
 * Throwable error = null;
 * try { call(); } catch (IOException e) { error = e; }
 * environment().events().request().fire(RequestEvent.of("rpc", "getItem",
 *     (System.nanoTime() - start) / 1e6, bytes, error, context()));
 * }</pre>
 *
 * <p>How a failure is shown in the statistics: an {@link io.hatchery.http.RequestException} with
 * its own Locust text ({@code HTTPError('404 Client Error: ...')}), any other exception as {@code
 * SimpleClassName('message')}, Python's {@code repr} of an exception of that name. Immutable if
 * {@code context} is.
 *
 * @param requestType Locust's {@code request_type}, the method column ({@code GET}, {@code rpc})
 * @param name the name the request is grouped under
 * @param responseTimeMillis response time in milliseconds, finite and &ge; 0
 * @param responseLengthBytes response length in bytes, &ge; 0
 * @param exception the failure, or null for a success
 * @param context the user's context merged with the call's (Locust's {@code context}), never null;
 *     not copied, so treat it as read-only
 * @param response the client's response object, or null (Locust passes it to listeners)
 */
public record RequestEvent(
    String requestType,
    String name,
    double responseTimeMillis,
    long responseLengthBytes,
    Throwable exception,
    Map<String, Object> context,
    Object response) {

  /** Checks the fields; a null {@code context} becomes an empty map. */
  public RequestEvent {
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(name, "name");
    context = context == null ? Map.of() : context;
  }

  /** A request without a response object. */
  public static RequestEvent of(
      String requestType,
      String name,
      double responseTimeMillis,
      long responseLengthBytes,
      Throwable exception,
      Map<String, Object> context) {
    return new RequestEvent(
        requestType, name, responseTimeMillis, responseLengthBytes, exception, context, null);
  }

  /** Whether the request failed. */
  public boolean failed() {
    return exception != null;
  }
}
