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
 * <p>How a failure is shown: its wire text is {@code SimpleClassName('message')} (see {@code
 * io.hatchery.stats.ErrorTexts}), so name exception classes as Locust names its errors ({@code
 * CatchResponseError}, {@code HTTPError}) where Locust parity matters. Immutable.
 *
 * @param requestType Locust's {@code request_type}, the method column ({@code GET}, {@code rpc})
 * @param name the name the request is grouped under
 * @param responseTimeMillis response time in milliseconds, finite and &ge; 0
 * @param responseLengthBytes response length in bytes, &ge; 0
 * @param exception the failure, or null for a success
 * @param context the user's context merged with the call's (Locust's {@code context}); immutable
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

  /** Checks the fields and copies {@code context}. */
  public RequestEvent {
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(name, "name");
    context = context == null ? Map.of() : Map.copyOf(context);
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
