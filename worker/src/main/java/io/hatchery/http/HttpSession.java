package io.hatchery.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.apache.hc.core5.http.HttpHost;

/**
 * One simulated user's HTTP client, Locust's {@code HttpSession} ({@code self.client}): a base URL,
 * its own cookies, its own keep-alive connections, and a report of every request to a {@link
 * RequestReporter}.
 *
 * <p>Relative URLs are appended to the base URL (the user's host or {@code --host}) as Locust does;
 * absolute {@code http(s)://} URLs are sent as they are. A request is named after its path and
 * query unless {@link Request#named named}, or inside a {@link #rename} block. Redirects are
 * followed (up to the pool's limit) and the whole chain is one request under the first URL's name.
 * Status &ge; 400 and requests without a response (status 0) are reported as failures and returned,
 * not thrown; {@link Response#raiseForStatus()} throws on request. A checked request lets the
 * scenario decide, see {@link Request#checked()}. Response times run from just before sending to
 * the last body byte and include redirects.
 *
 * <p>Connections: see {@link ConnectionPool}. Sessions created with the same {@code
 * connectionGroup} share connections (Locust's {@code pool_manager}); others never do. {@link
 * #close()} or a {@code Connection: close} request header makes the next request open a new one.
 *
 * <p>Thread-safety: requests may be sent from several threads at once (a user's own background
 * threads); cookies are shared among them. The {@link #rename} block and default headers are
 * session state, meant to be changed by the user's thread. A request interrupted by stopping its
 * user thread is not reported and returns status 0 with the interrupt flag set.
 *
 * <pre>{@code
 * HttpSession client = new HttpSession(pool, "http://target", reporter);
 * client.post("/login", Body.form(Map.of("user", "foo", "password", "bar")));  // cookie kept
 * client.get("/item?id=" + id, Request.named("/item"));
 * try (Response r = client.get("/cart", Request.checked())) {
 *   if (!r.text().contains("total")) r.failure("no total");
 * }
 * }</pre>
 */
public final class HttpSession {

  private static final String[] NO_HEADERS = new String[0];

  /** {@link #rest}'s options when the scenario gives none, built once. */
  private static final Request REST = Request.options().withJsonHeaders().withChecked();

  private final ConnectionPool pool;
  private final RequestReporter reporter;
  private final String baseUrl;
  private final HttpHost baseHost;
  private final String basePath;
  private final String authorization;
  private final SessionCookies cookies;
  private volatile ConnectionGroup connectionGroup;
  private boolean ownGroup;
  private volatile String requestName;
  private volatile String[] defaultHeaders = NO_HEADERS;

  /**
   * A session with connections of its own (Locust's default).
   *
   * @param baseUrl {@code http(s)://host[:port][/path]}, or null when only absolute URLs are used
   * @throws IllegalArgumentException for a base URL that is not an absolute http(s) URL
   */
  public HttpSession(ConnectionPool pool, String baseUrl, RequestReporter reporter) {
    this(pool, baseUrl, reporter, null);
  }

  /**
   * A session that shares keep-alive connections with every session of the same {@code
   * connectionGroup} (compared with {@code equals}), like users given one {@code pool_manager}.
   */
  public HttpSession(
      ConnectionPool pool, String baseUrl, RequestReporter reporter, Object connectionGroup) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.reporter = Objects.requireNonNull(reporter, "reporter");
    this.ownGroup = connectionGroup == null;
    this.connectionGroup = ownGroup ? pool.newGroup() : pool.sharedGroup(connectionGroup);
    if (baseUrl == null || baseUrl.isBlank()) {
      this.baseUrl = null;
      this.baseHost = null;
      this.basePath = "";
      this.authorization = null;
    } else {
      URI uri = parseBaseUrl(baseUrl);
      this.baseHost = new HttpHost(uri.getScheme().toLowerCase(), uri.getHost(), uri.getPort());
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      this.baseUrl = baseHost.toURI() + basePath;
      this.authorization = basicAuthorization(uri.getRawUserInfo());
    }
    this.cookies = new SessionCookies(baseHost);
  }

  /** The base URL without credentials or trailing slash, or null. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The cookies this session keeps between requests (requests' {@code session.cookies}). */
  public SessionCookies cookies() {
    return cookies;
  }

  /** Sends {@code name: value} with every later request of this session ({@code headers[...]}). */
  public synchronized void setHeader(String name, String value) {
    Objects.requireNonNull(value, "value");
    String[] current = removed(defaultHeaders, Objects.requireNonNull(name, "name"));
    String[] updated = Arrays.copyOf(current, current.length + 2);
    updated[current.length] = name;
    updated[current.length + 1] = value;
    defaultHeaders = updated;
  }

  /** Stops sending the default header {@code name}. */
  public synchronized void removeHeader(String name) {
    defaultHeaders = removed(defaultHeaders, name);
  }

  /**
   * Reports the requests of this session under {@code name} until the returned block is closed
   * (Locust's {@code rename_request}); a per-request name still wins.
   */
  public Renaming rename(String name) {
    String previous = requestName;
    requestName = Objects.requireNonNull(name, "name");
    return new Renaming(this, previous);
  }

  /**
   * Closes this session's keep-alive connections, as requests' {@code session.close()}: the next
   * request opens a new one. A session that shared a connection group leaves the group's
   * connections to the other sessions and goes on with connections of its own. Cookies are kept;
   * the session stays usable. Call it between requests (the engine calls it when the user stops).
   */
  public synchronized void close() {
    ConnectionGroup previous = connectionGroup;
    boolean previousWasOwn = ownGroup;
    connectionGroup = pool.newGroup();
    ownGroup = true;
    if (previousWasOwn) {
      previous.close();
    }
  }

  /** {@code GET url}. */
  public Response get(String url) {
    return request("GET", url, null, Request.options());
  }

  /** {@code GET url} with options. */
  public Response get(String url, Request options) {
    return request("GET", url, null, options);
  }

  /** {@code POST url} with {@code body} (null for none). */
  public Response post(String url, Body body) {
    return request("POST", url, body, Request.options());
  }

  /** {@code POST url} with {@code body} (null for none) and options. */
  public Response post(String url, Body body, Request options) {
    return request("POST", url, body, options);
  }

  /** {@code PUT url} with {@code body} (null for none). */
  public Response put(String url, Body body) {
    return request("PUT", url, body, Request.options());
  }

  /** {@code PUT url} with {@code body} (null for none) and options. */
  public Response put(String url, Body body, Request options) {
    return request("PUT", url, body, options);
  }

  /** {@code PATCH url} with {@code body} (null for none). */
  public Response patch(String url, Body body) {
    return request("PATCH", url, body, Request.options());
  }

  /** {@code PATCH url} with {@code body} (null for none) and options. */
  public Response patch(String url, Body body, Request options) {
    return request("PATCH", url, body, options);
  }

  /** {@code DELETE url}. */
  public Response delete(String url) {
    return request("DELETE", url, null, Request.options());
  }

  /** {@code DELETE url} with options. */
  public Response delete(String url, Request options) {
    return request("DELETE", url, null, options);
  }

  /** {@code HEAD url}. */
  public Response head(String url) {
    return request("HEAD", url, null, Request.options());
  }

  /** {@code HEAD url} with options. */
  public Response head(String url, Request options) {
    return request("HEAD", url, null, options);
  }

  /** {@code OPTIONS url}. */
  public Response options(String url) {
    return request("OPTIONS", url, null, Request.options());
  }

  /** {@code OPTIONS url} with options. */
  public Response options(String url, Request options) {
    return request("OPTIONS", url, null, options);
  }

  /**
   * A JSON call, FastHttpUser's {@code rest}: sends {@code Accept} and {@code Content-Type:
   * application/json} (unless the options set them), checks the response, and parses its body; a
   * body that is not JSON marks the request failed with {@code "Could not parse response as JSON.
   * <body>, response code <status>, error <reason>"} and {@link Response#json()} returns a missing
   * node. Close the response (try-with-resources) to report it.
   *
   * <pre>{@code
   * try (Response r = client.rest("POST", "/cart", Body.json(Map.of("item", 42)))) {
   *   if (r.json().path("count").asInt() != 1) r.failure("count is not 1");
   * }
   * }</pre>
   */
  public Response rest(String method, String url, Body body) {
    return rest(method, url, body, Request.options());
  }

  /** {@link #rest(String, String, Body)} with options (a name, a check, headers...). */
  public Response rest(String method, String url, Body body, Request options) {
    return new Exchange(this, method, url, body, options.withJsonHeaders().withChecked(), true)
        .send();
  }

  /**
   * Sends {@code method url} with {@code body} (null for none): the general form behind every other
   * method. {@code method} is sent upper-cased and reported as written.
   *
   * @throws IllegalStateException for a relative URL without a base URL
   * @throws IllegalArgumentException for a URL that cannot be sent
   */
  public Response request(String method, String url, Body body, Request options) {
    return new Exchange(this, method, url, body, options, false).send();
  }

  void restoreName(String previous) {
    requestName = previous;
  }

  ConnectionPool pool() {
    return pool;
  }

  RequestReporter reporter() {
    return reporter;
  }

  ConnectionGroup connectionGroup() {
    return connectionGroup;
  }

  String requestName() {
    return requestName;
  }

  String[] defaultHeaders() {
    return defaultHeaders;
  }

  String authorization() {
    return authorization;
  }

  HttpHost baseHost() {
    return baseHost;
  }

  String basePath() {
    return basePath;
  }

  private static URI parseBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid base URL (--host) '" + baseUrl + "': " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "Invalid base URL (--host) '"
              + baseUrl
              + "': expected http://host[:port][/path] or https://..., e.g. http://localhost:8080");
    }
    return uri;
  }

  private static String basicAuthorization(String rawUserInfo) {
    if (rawUserInfo == null || rawUserInfo.indexOf(':') < 0) {
      return null;
    }
    String decoded = URLDecoder.decode(rawUserInfo, StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] removed(String[] pairs, String name) {
    List<String> kept = new ArrayList<>(pairs.length);
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i].equalsIgnoreCase(name)) {
        kept.add(pairs[i]);
        kept.add(pairs[i + 1]);
      }
    }
    return kept.toArray(NO_HEADERS);
  }
}
