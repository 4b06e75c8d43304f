package io.hatchery;

import io.hatchery.http.HttpSession;
import io.hatchery.http.Response;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link User} with an HTTP client (Locust's {@code HttpUser}): {@link #client} sends requests to
 * {@link #host()}, keeps this user's cookies, and reports every request through the request event
 * (with this user's {@link #context()}), so it lands in the statistics.
 *
 * <pre>{@code
 * public class QuickstartUser extends HttpUser {
 *   @Task public void hello() { client.get("/hello"); }
 * }
 * }</pre>
 *
 * <p>Connections: each user has its own keep-alive connections in the process-wide pool, as each
 * Locust user has its own pool manager; override {@link #connectionGroup()} to share them (Locust's
 * {@code pool_manager}). The session is closed when the user ends. Thread-safety: as {@link
 * HttpSession}.
 */
public abstract class HttpUser extends User {

  /** This user's HTTP session (Locust's {@code self.client}). */
  protected final HttpSession client;

  /**
   * Builds the session on the host.
   *
   * @throws IllegalStateException when there is no host (neither {@code --host} nor {@link
   *     UserClass#host()}), as Locust refuses to start an {@code HttpUser} without one
   */
  protected HttpUser() {
    String host = host();
    if (host == null) {
      throw new IllegalStateException(
          "You must specify the base host. Either in the host attribute in the User class"
              + " (@UserClass(host = ...)), or on the command line using the --host option.");
    }
    UserRuntime runtime = runtime();
    Events events = runtime.environment().events();
    this.client =
        new HttpSession(
            runtime.connectionPool(),
            host,
            (requestType, name, responseTimeMillis, responseLengthBytes, exception, response) ->
                events
                    .request()
                    .fire(
                        new RequestEvent(
                            requestType,
                            name,
                            responseTimeMillis,
                            responseLengthBytes,
                            exception,
                            requestContext(response),
                            response)),
            connectionGroup());
    runtime.whenEnded(client::close);
  }

  /**
   * Sessions whose groups are equal share keep-alive connections (Locust's {@code pool_manager});
   * null, the default, gives this user connections of its own. Called from the constructor: must
   * not depend on instance fields. Example: {@code return getClass();} shares per user class.
   */
  protected Object connectionGroup() {
    return null;
  }

  /**
   * The request event's context: the user's {@link #context()} overlaid with the one given for this
   * request ({@code Request.withContext}), as Locust merges {@code self.context()} with the
   * request's {@code context=}.
   */
  private Map<String, Object> requestContext(Response response) {
    Map<String, Object> user = context();
    Map<String, Object> request = response.context();
    if (request.isEmpty()) {
      return user;
    }
    if (user.isEmpty()) {
      return request;
    }
    Map<String, Object> merged = new HashMap<>(user);
    merged.putAll(request);
    return Collections.unmodifiableMap(merged);
  }
}
