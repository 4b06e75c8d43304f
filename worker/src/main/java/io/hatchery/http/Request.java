package io.hatchery.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Per-request options: the statistics name, a response check, headers, query parameters, timeouts
 * and redirects; the Java form of Locust's {@code name=}, {@code catch_response=} and requests'
 * keyword arguments. Immutable: every {@code with*} method returns a copy, so options can be built
 * once and shared by all users (a per-request HttpClient configuration is derived once and cached).
 *
 * <pre>{@code
 * static final Request ITEM = Request.named("/item?id=[id]");
 * client.get("/item?id=" + id, ITEM);
 * client.get("/search", Request.query("q", "shoes").withHeader("Accept", "text/html"));
 * try (Response r = client.get("/x", Request.checked())) { if (!r.text().contains("ok")) r.failure("no ok"); }
 * }</pre>
 */
public final class Request {

  private static final Request DEFAULTS =
      new Request(null, false, null, new String[0], new String[0], null, null, null, Map.of());

  private final String name;
  private final boolean checked;
  private final ResponseCheck check;
  private final String[] headers;
  private final String[] query;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final Boolean allowRedirects;
  private final Map<String, Object> context;
  private volatile DerivedConfig derived;

  private Request(
      String name,
      boolean checked,
      ResponseCheck check,
      String[] headers,
      String[] query,
      Duration connectTimeout,
      Duration responseTimeout,
      Boolean allowRedirects,
      Map<String, Object> context) {
    this.name = name;
    this.checked = checked;
    this.check = check;
    this.headers = headers;
    this.query = query;
    this.connectTimeout = connectTimeout;
    this.responseTimeout = responseTimeout;
    this.allowRedirects = allowRedirects;
    this.context = context;
  }

  /** No options: the path names the request, the status decides success. */
  public static Request options() {
    return DEFAULTS;
  }

  /** Reports the request under {@code name} instead of its path (Locust's {@code name=}). */
  public static Request named(String name) {
    return DEFAULTS.withName(name);
  }

  /**
   * A checked request (Locust's {@code catch_response=True}): the returned {@link Response} must be
   * closed, normally by try-with-resources, and is reported then, with the verdict set by {@link
   * Response#success()} or {@link Response#failure(String)}, else by its status.
   */
  public static Request checked() {
    return DEFAULTS.withChecked();
  }

  /** A request whose response {@code check} decides the outcome before it is reported. */
  public static Request check(ResponseCheck check) {
    return DEFAULTS.withCheck(check);
  }

  /** Sends the header {@code name: value} with the request. */
  public static Request header(String name, String value) {
    return DEFAULTS.withHeader(name, value);
  }

  /** Adds the query parameter {@code name=value} (percent-encoded) to the URL. */
  public static Request query(String name, String value) {
    return DEFAULTS.withQuery(name, value);
  }

  /** Sets both timeouts, like requests' {@code timeout=seconds}. */
  public static Request timeout(Duration timeout) {
    return DEFAULTS.withTimeout(timeout);
  }

  /** A copy reported under {@code name}. */
  public Request withName(String name) {
    return new Request(
        Objects.requireNonNull(name, "name"),
        checked,
        check,
        headers,
        query,
        connectTimeout,
        responseTimeout,
        allowRedirects,
        context);
  }

  /** A copy that is a checked request, see {@link #checked()}. */
  public Request withChecked() {
    return new Request(
        name,
        true,
        check,
        headers,
        query,
        connectTimeout,
        responseTimeout,
        allowRedirects,
        context);
  }

  /** A copy whose outcome {@code check} decides, see {@link #check(ResponseCheck)}. */
  public Request withCheck(ResponseCheck check) {
    return new Request(
        name,
        checked,
        Objects.requireNonNull(check, "check"),
        headers,
        query,
        connectTimeout,
        responseTimeout,
        allowRedirects,
        context);
  }

  /** A copy that also sends {@code name: value}; it overrides a session default of that name. */
  public Request withHeader(String name, String value) {
    return new Request(
        this.name,
        checked,
        check,
        append(headers, name, value),
        query,
        connectTimeout,
        responseTimeout,
        allowRedirects,
        context);
  }

  /** A copy with the query parameter {@code name=value} added. */
  public Request withQuery(String name, String value) {
    return new Request(
        this.name,
        checked,
        check,
        headers,
        append(query, name, value),
        connectTimeout,
        responseTimeout,
        allowRedirects,
        context);
  }

  /**
   * A copy that carries {@code context} to the request event (Locust's {@code context=}): the
   * reporter finds it in {@link Response#context()} and merges it over the user's context.
   */
  public Request withContext(Map<String, ?> context) {
    return new Request(
        name,
        checked,
        check,
        headers,
        query,
        connectTimeout,
        responseTimeout,
        allowRedirects,
        Map.copyOf(context));
  }

  /** A copy with both the connect and the response (read) timeout set to {@code timeout}. */
  public Request withTimeout(Duration timeout) {
    return withTimeouts(timeout, timeout);
  }

  /**
   * A copy with a connect timeout and a response timeout (the longest wait for data from the
   * server, requests' {@code timeout=(connect, read)}).
   */
  public Request withTimeouts(Duration connectTimeout, Duration responseTimeout) {
    return new Request(
        name,
        checked,
        check,
        headers,
        query,
        positive(connectTimeout),
        positive(responseTimeout),
        allowRedirects,
        context);
  }

  /** A copy that follows redirects (the default) or returns the redirect response itself. */
  public Request withRedirects(boolean allowRedirects) {
    return new Request(
        name,
        checked,
        check,
        headers,
        query,
        connectTimeout,
        responseTimeout,
        allowRedirects,
        context);
  }

  /** A copy that also asks for and declares JSON, unless it sets those headers itself. */
  Request withJsonHeaders() {
    Request request = this;
    if (!hasHeader("Accept")) {
      request = request.withHeader("Accept", "application/json");
    }
    if (!hasHeader("Content-Type")) {
      request = request.withHeader("Content-Type", "application/json");
    }
    return request;
  }

  private boolean hasHeader(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  Map<String, Object> context() {
    return context;
  }

  String name() {
    return name;
  }

  boolean isChecked() {
    return checked || check != null;
  }

  ResponseCheck responseCheck() {
    return check;
  }

  String[] headers() {
    return headers;
  }

  String[] queryParameters() {
    return query;
  }

  /** The connect timeout to report in an error text, or {@code fallback}. */
  Duration connectTimeoutOr(Duration fallback) {
    return connectTimeout == null ? fallback : connectTimeout;
  }

  /** The response timeout to report in an error text, or {@code fallback}. */
  Duration responseTimeoutOr(Duration fallback) {
    return responseTimeout == null ? fallback : responseTimeout;
  }

  /** The HttpClient configuration for this request: {@code base} itself when nothing overrides. */
  @SuppressWarnings("deprecation") // a per-request connect timeout is only settable here in 5.4
  RequestConfig config(RequestConfig base) {
    if (connectTimeout == null && responseTimeout == null && allowRedirects == null) {
      return base;
    }
    DerivedConfig cached = derived;
    if (cached != null && cached.base() == base) {
      return cached.config();
    }
    RequestConfig.Builder builder = RequestConfig.copy(base);
    if (connectTimeout != null) {
      builder.setConnectTimeout(Timeout.of(connectTimeout));
    }
    if (responseTimeout != null) {
      builder.setResponseTimeout(Timeout.of(responseTimeout));
    }
    if (allowRedirects != null) {
      builder.setRedirectsEnabled(allowRedirects);
    }
    RequestConfig config = builder.build();
    derived = new DerivedConfig(base, config);
    return config;
  }

  /** A configuration derived from a pool's default; one volatile field so both stay paired. */
  private record DerivedConfig(RequestConfig base, RequestConfig config) {}

  private static String[] append(String[] pairs, String name, String value) {
    String[] copy = Arrays.copyOf(pairs, pairs.length + 2);
    copy[pairs.length] = Objects.requireNonNull(name, "name");
    copy[pairs.length + 1] = Objects.requireNonNull(value, "value");
    return copy;
  }

  private static Duration positive(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return timeout;
  }
}
