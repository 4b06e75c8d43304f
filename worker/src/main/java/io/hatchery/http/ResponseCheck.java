package io.hatchery.http;

/**
 * A scenario's check of a response, the lambda form of Locust's {@code catch_response=True} block.
 * It may call {@link Response#success()}, {@link Response#failure(String)} or {@link
 * Response#rename(String)}, or throw {@link ResponseError} to fail the request; without a verdict
 * the status decides. The request is reported once, when the check returns.
 *
 * <pre>{@code
 * client.get("/missing", Request.check(r -> { if (r.status() == 404) r.success(); }));
 * }</pre>
 */
@FunctionalInterface
public interface ResponseCheck {

  /** Inspects {@code response}; runs on the requesting thread right after the body was read. */
  void check(Response response);
}
