package io.hatchery.http;

/**
 * Receives every finished request of an {@link HttpSession}: the seam to Locust's {@code
 * events.request} ({@code request_type, name, response_time, response_length, exception}). The
 * engine connects it to the request event and to the statistics recorder.
 *
 * <p>Called on the thread that made the request, once per request (a redirect chain is one
 * request), after the body was read; for a checked request, when the check ends. Implementations
 * must be safe for concurrent calls from many user threads and should not block.
 *
 * <pre>{@code
 * RequestReporter reporter = (type, name, millis, bytes, error, response) ->
 *     events.request().fire(new RequestEvent(type, name, millis, bytes, error, user.context(), response));
 * }</pre>
 */
@FunctionalInterface
public interface RequestReporter {

  /** A reporter that drops every request. */
  RequestReporter NONE =
      (requestType, name, responseTimeMillis, responseLengthBytes, error, response) -> {};

  /**
   * Reports one request.
   *
   * @param requestType the method as the scenario wrote it ({@code "GET"}, or {@code "get"} when
   *     passed in lower case to {@link HttpSession#request}), Locust's {@code request_type}
   * @param name the statistics name: the requested path and query unless the scenario named it
   * @param responseTimeMillis from just before sending to the end of the body, redirects included
   * @param responseLengthBytes body bytes read (after content decoding), 0 without a response
   * @param exceptionOrNull null for a success; else the failure, usually a {@link RequestException}
   *     whose {@link RequestException#errorText()} is Locust's error text
   * @param response the response (status 0 without one), Locust's {@code response} argument
   */
  void report(
      String requestType,
      String name,
      double responseTimeMillis,
      long responseLengthBytes,
      Throwable exceptionOrNull,
      Response response);
}
