package io.hatchery.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;

/**
 * The answer to one request (Locust's {@code LocustResponse}, or its {@code ResponseContextManager}
 * for a checked request). Status 0 means no HTTP response arrived; {@link #error()} then says why.
 *
 * <p>A checked response ({@link Request#checked()}, {@link HttpSession#rest}) is reported once, by
 * {@link #close()}: as a success after {@link #success()}, as the given failure after {@link
 * #failure(String)}, otherwise as its status dictates (&ge; 400 and 0 fail). Before that the
 * scenario may {@link #rename(String)} it. An unchecked response was reported before it was
 * returned; calling the verdict methods on it throws, as Locust does. {@code close()} of an
 * unchecked response does nothing.
 *
 * <p>Not thread-safe: use it on the thread that made the request.
 */
public final class Response implements AutoCloseable {

  private static final byte[] EMPTY = new byte[0];
  private static final Header[] NO_HEADERS = new Header[0];

  private final String requestType;
  private final HttpHost target;
  private final String path;
  private final URI redirectedTo;
  private final int status;
  private final String reason;
  private final Header[] headers;
  private final byte[] body;
  private final long elapsedNanos;
  private final RequestException error;
  private final RequestReporter reporter;
  private final boolean checked;
  private final boolean rest;
  private final Map<String, Object> context;
  private String name;
  private Throwable failure;
  private boolean markedSuccess;
  private boolean reported;
  private JsonNode json;
  private String url;

  Response(
      String requestType,
      String name,
      HttpHost target,
      String path,
      URI redirectedTo,
      int status,
      String reason,
      Header[] headers,
      byte[] body,
      long elapsedNanos,
      RequestException error,
      RequestReporter reporter,
      boolean checked,
      boolean rest,
      Map<String, Object> context) {
    this.requestType = requestType;
    this.name = name;
    this.target = target;
    this.path = path;
    this.redirectedTo = redirectedTo;
    this.status = status;
    this.reason = reason;
    this.headers = headers == null ? NO_HEADERS : headers;
    this.body = body == null ? EMPTY : body;
    this.elapsedNanos = elapsedNanos;
    this.error = error;
    this.reporter = reporter;
    this.checked = checked;
    this.rest = rest;
    this.context = context;
  }

  /** The HTTP status, or 0 when the request failed without a response. */
  public int status() {
    return status;
  }

  /** The reason phrase as the server sent it ({@code "Not Found"}), empty without one. */
  public String reason() {
    return reason == null ? "" : reason;
  }

  /** True when there is no {@link #error()}: a response outside 400..599 (requests' {@code ok}). */
  public boolean ok() {
    return error == null;
  }

  /**
   * What makes this response a failure by default: {@link HttpError} for status 400..599, {@link
   * ConnectionError} for status 0, else null. A check's verdict does not change it.
   */
  public RequestException error() {
    return error;
  }

  /** Throws {@link #error()} if there is one (requests' {@code raise_for_status()}). */
  public Response raiseForStatus() {
    if (error != null) {
      throw error;
    }
    return this;
  }

  /** The final URL, after redirects. */
  public String url() {
    if (url == null) {
      url = finalUrl(target, path, redirectedTo);
    }
    return url;
  }

  /** The URL a request ended at: the last redirect's target, else the requested one. */
  static String finalUrl(HttpHost target, String path, URI redirectedTo) {
    return redirectedTo != null ? redirectedTo.toASCIIString() : target.toURI() + path;
  }

  /** The name the request is (or will be) reported under. */
  public String name() {
    return name;
  }

  /** From just before sending to the end of the body, redirects included. */
  public Duration elapsed() {
    return Duration.ofNanos(elapsedNanos);
  }

  /** The context given with {@link Request#withContext}, empty without one; immutable. */
  public Map<String, Object> context() {
    return context;
  }

  /** The first value of header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    for (Header header : headers) {
      if (header.getName().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** Every value of header {@code name} (case-insensitive), in the order received. */
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>(1);
    for (Header header : headers) {
      if (header.getName().equalsIgnoreCase(name)) {
        values.add(header.getValue());
      }
    }
    return values;
  }

  /** The body as received (after content decoding); not a copy, do not modify it. */
  public byte[] bytes() {
    return body;
  }

  /** The body decoded with the charset of {@code Content-Type}, UTF-8 when it names none. */
  public String text() {
    return new String(body, charset());
  }

  /**
   * The body parsed as JSON (Jackson's tree). For a {@link HttpSession#rest} response whose body is
   * not JSON this returns a missing node (the request is already marked failed); otherwise such a
   * body throws {@link ResponseError} with a message that quotes the body.
   */
  public JsonNode json() {
    if (json == null) {
      String problem = null;
      try {
        JsonNode parsed = JsonBodies.MAPPER.readTree(body);
        if (parsed == null || parsed.isMissingNode()) {
          problem = "empty body";
        } else {
          json = parsed;
        }
      } catch (IOException e) {
        problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      }
      if (problem != null) {
        if (!rest) {
          throw new ResponseError(notJson(problem));
        }
        json = MissingNode.getInstance();
      }
    }
    return json;
  }

  /** The body parsed as JSON into {@code type} (records, maps, beans), by Jackson. */
  public <T> T json(Class<T> type) {
    try {
      return JsonBodies.MAPPER.treeToValue(json(), type);
    } catch (JsonProcessingException e) {
      throw new ResponseError(
          "Could not map the JSON response to " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Marks a checked request successful, whatever its status (Locust's {@code success()}). */
  public void success() {
    requireChecked();
    markedSuccess = true;
    failure = null;
  }

  /** Marks a checked request failed with {@code CatchResponseError(reason)}. */
  public void failure(String reason) {
    failure(new CatchResponseError(reason));
  }

  /** Marks a checked request failed with {@code exception} as its error. */
  public void failure(Throwable exception) {
    requireChecked();
    failure = Objects.requireNonNull(exception, "exception");
    markedSuccess = false;
  }

  /** Reports a checked request under {@code name} (Locust's {@code request_meta["name"]}). */
  public void rename(String name) {
    requireChecked();
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Reports a checked request, once; does nothing for an unchecked one or a second time. */
  @Override
  public void close() {
    if (checked && !reported) {
      report();
    }
  }

  /** Reports now with the current verdict; the session calls it for unchecked requests. */
  void report() {
    reported = true;
    Throwable exception = markedSuccess ? null : failure != null ? failure : error;
    reporter.report(requestType, name, elapsedNanos / 1e6, body.length, exception, this);
  }

  /** A check threw something other than a {@link ResponseError}: Locust reports nothing. */
  void abandon() {
    reported = true;
  }

  /** Whether a verdict was set: a {@code failure(...)} or a {@code success()}. */
  boolean hasVerdict() {
    return markedSuccess || failure != null;
  }

  String notJson(String problem) {
    String text = text();
    return "Could not parse response as JSON. "
        + (text.length() > 250 ? text.substring(0, 250) : text)
        + ", response code "
        + status
        + ", error "
        + problem;
  }

  private Charset charset() {
    String contentType = header("Content-Type");
    if (contentType != null) {
      try {
        Charset charset = ContentType.parseLenient(contentType).getCharset();
        if (charset != null) {
          return charset;
        }
      } catch (RuntimeException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private void requireChecked() {
    if (!checked) {
      throw new IllegalStateException(
          "To mark a request successful or failed, or rename it, send it with Request.checked() or"
              + " Request.check(...): this one was reported already.");
    }
    if (reported) {
      throw new IllegalStateException("This request was reported already (its response closed).");
    }
  }
}
