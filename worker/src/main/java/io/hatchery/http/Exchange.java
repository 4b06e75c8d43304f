package io.hatchery.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RedirectLocations;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * One request of an {@link HttpSession}: target resolution, sending, timing, body reading and
 * reporting (Locust's {@code HttpSession.request}). Lives on one thread for one request.
 */
final class Exchange {

  /** Bodies announced up to this size are read into an exact-size array in one go. */
  private static final long MAX_PRESIZED_BODY_BYTES = 16 << 20;

  private static final byte[] EMPTY = new byte[0];

  private final HttpSession session;
  private final String method;
  private final Body body;
  private final Request options;
  private final boolean rest;
  private final HttpHost target;
  private final String path;
  private final String name;

  Exchange(
      HttpSession session, String method, String url, Body body, Request options, boolean rest) {
    this.session = session;
    this.method = Objects.requireNonNull(method, "method");
    this.body = body;
    this.options = Objects.requireNonNull(options, "options");
    this.rest = rest;
    Objects.requireNonNull(url, "url");
    String pathAndQuery;
    if (Urls.isAbsolute(url)) {
      URI uri = absolute(url);
      this.target =
          new HttpHost(uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost(), uri.getPort());
      String rawPath =
          uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      pathAndQuery = uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();
    } else {
      if (session.baseHost() == null) {
        throw new IllegalStateException(
            "No base URL to send '"
                + url
                + "' to: set the host (--host, or the user class's host) or use an absolute URL");
      }
      this.target = session.baseHost();
      pathAndQuery = join(session.basePath(), url);
    }
    pathAndQuery = Urls.requote(pathAndQuery);
    if (options.queryParameters().length > 0) {
      pathAndQuery = Urls.appendQuery(pathAndQuery, options.queryParameters());
    }
    this.path = pathAndQuery;
    String explicit = options.name() != null ? options.name() : session.requestName();
    this.name = explicit != null ? explicit : pathAndQuery;
  }

  Response send() {
    BasicClassicHttpRequest request = new BasicClassicHttpRequest(upper(method), target, path);
    addHeaders(request);
    if (body != null) {
      request.setEntity(body.entity());
    }
    HttpClientContext context = HttpClientContext.create();
    context.setCookieStore(session.cookies().store());
    context.setUserToken(session.connectionGroup());
    RequestConfig defaults = session.pool().defaultConfig();
    RequestConfig config = options.config(defaults);
    if (config != defaults) {
      context.setRequestConfig(config);
    }
    int status = 0;
    String reason = null;
    Header[] headers = null;
    byte[] bytes = EMPTY;
    IOException failure = null;
    long startNanos = System.nanoTime();
    try (ClassicHttpResponse response =
        session.pool().client().executeOpen(target, request, context)) {
      status = response.getCode();
      reason = response.getReasonPhrase();
      headers = response.getHeaders();
      bytes = read(response.getEntity());
    } catch (IOException e) {
      failure = e;
    }
    long elapsedNanos = System.nanoTime() - startNanos;
    URI redirectedTo = lastRedirect(context);
    if (failure != null && interrupted(failure)) {
      Thread.currentThread().interrupt();
      Response abandoned =
          response(0, null, null, EMPTY, elapsedNanos, redirectedTo, connectionError(failure));
      abandoned.abandon();
      return abandoned;
    }
    RequestException error;
    if (failure != null) {
      status = 0;
      headers = null;
      bytes = EMPTY;
      error = connectionError(failure);
    } else if (status >= 400 && status < 600) {
      // requests' raise_for_status: 400..599 only; a nonstandard 6xx passes as it does in Locust.
      error = new HttpError(status, reason, errorUrl(redirectedTo));
    } else {
      error = null;
    }
    Response result = response(status, reason, headers, bytes, elapsedNanos, redirectedTo, error);
    return finish(result);
  }

  private Response finish(Response result) {
    if (!options.isChecked()) {
      result.report();
      return result;
    }
    if (rest) {
      result.json();
      if (result.json().isMissingNode() && !result.hasVerdict()) {
        result.failure(
            result.status() == 0
                ? new CatchResponseError(String.valueOf(result.error().getMessage()))
                : new CatchResponseError(result.notJson("not JSON")));
      }
    }
    ResponseCheck check = options.responseCheck();
    if (check != null) {
      try {
        check.check(result);
      } catch (ResponseError e) {
        result.failure(e);
      } catch (RuntimeException | Error e) {
        result.abandon();
        throw e;
      }
      result.close();
    }
    return result;
  }

  private Response response(
      int status,
      String reason,
      Header[] headers,
      byte[] bytes,
      long elapsedNanos,
      URI redirectedTo,
      RequestException error) {
    return new Response(
        method,
        name,
        target,
        path,
        redirectedTo,
        status,
        reason,
        headers,
        bytes,
        elapsedNanos,
        error,
        session.reporter(),
        options.isChecked(),
        rest,
        options.context());
  }

  private void addHeaders(BasicClassicHttpRequest request) {
    String[] defaults = session.defaultHeaders();
    for (int i = 0; i < defaults.length; i += 2) {
      request.setHeader(defaults[i], defaults[i + 1]);
    }
    if (session.authorization() != null) {
      request.setHeader(HttpHeaders.AUTHORIZATION, session.authorization());
    }
    String[] own = options.headers();
    for (int i = 0; i < own.length; i += 2) {
      request.setHeader(own[i], own[i + 1]);
    }
  }

  /**
   * Locust swaps the URL for the name in an unchecked named request's error, so that its failures
   * group under the name; a checked request's error keeps the URL (locust/clients.py 2.12.1).
   */
  private String errorUrl(URI redirectedTo) {
    boolean named = options.name() != null || session.requestName() != null;
    return named && !options.isChecked() ? name : Response.finalUrl(target, path, redirectedTo);
  }

  private ConnectionError connectionError(IOException failure) {
    Throwable cause =
        failure instanceof ClientProtocolException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    ConnectionPool pool = session.pool();
    int port =
        target.getPort() >= 0
            ? target.getPort()
            : "https".equals(target.getSchemeName()) ? 443 : 80;
    return ConnectionError.of(
        cause,
        target.getHostName(),
        port,
        "https".equals(target.getSchemeName()),
        options.connectTimeoutOr(pool.connectTimeout()),
        options.responseTimeoutOr(pool.responseTimeout()),
        pool.maxRedirects());
  }

  private static boolean interrupted(IOException failure) {
    return Thread.currentThread().isInterrupted()
        || (failure instanceof InterruptedIOException
            && !(failure instanceof SocketTimeoutException));
  }

  private static byte[] read(HttpEntity entity) throws IOException {
    if (entity == null) {
      return EMPTY;
    }
    try (InputStream in = entity.getContent()) {
      if (in == null) {
        return EMPTY;
      }
      long length = entity.getContentLength();
      if (length >= 0 && length <= MAX_PRESIZED_BODY_BYTES) {
        byte[] bytes = new byte[(int) length];
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length) {
          throw new IOException("Premature end of body: " + read + " of " + length + " bytes");
        }
        return bytes;
      }
      return in.readAllBytes();
    }
  }

  private static URI lastRedirect(HttpClientContext context) {
    RedirectLocations locations = context.getRedirectLocations();
    if (locations == null || locations.size() == 0) {
      return null;
    }
    List<URI> all = locations.getAll();
    return all.get(all.size() - 1);
  }

  private static URI absolute(String url) {
    try {
      URI uri = URI.create(Urls.requote(url));
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("Invalid URL '" + url + "': no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid URL '" + url + "': " + e.getMessage(), e);
    }
  }

  /** Locust appends the path to the base URL; a missing slash between them is added. */
  private static String join(String basePath, String url) {
    if (url.isEmpty()) {
      return basePath.isEmpty() ? "/" : basePath;
    }
    if (url.charAt(0) == '/' || url.charAt(0) == '?') {
      return basePath.isEmpty() && url.charAt(0) == '?' ? "/" + url : basePath + url;
    }
    return basePath + "/" + url;
  }

  private static String upper(String method) {
    for (int i = 0; i < method.length(); i++) {
      if (Character.isLowerCase(method.charAt(i))) {
        return method.toUpperCase(Locale.ROOT);
      }
    }
    return method;
  }
}
