package io.hatchery.http;

import io.hatchery.stats.ErrorTexts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * A request that got no HTTP response (status 0): refused, reset or closed connection, connect or
 * read timeout, unknown host, too many redirects. Locust reports these instead of raising them
 * ({@code HttpSession._send_request_safe_mode}); the cause is the Java exception.
 *
 * <p>{@link #errorText()} is what Locust 2.12.1 with requests 2.28 and urllib3 1.26 reports for the
 * same failure, after Locust unwraps requests' {@code ConnectionError} to its innermost cause:
 * {@code ConnectionRefusedError(111, 'Connection refused')}, {@code ConnectionResetError(104,
 * 'Connection reset by peer')}, {@code RemoteDisconnected('Remote end closed connection without
 * response')}, {@code ReadTimeout(ReadTimeoutError("HTTPConnectionPool(host='h', port=80): Read
 * timed out. (read timeout=5)"))}, {@code ConnectTimeoutError(<urllib3.connection.HTTPConnection
 * object at 0x....>, 'Connection to h timed out. (connect timeout=5)')}, {@code gaierror(-2, 'Name
 * or service not known')}, {@code TooManyRedirects('Exceeded 30 redirects.')}. Other causes give
 * {@code JavaSimpleName('message')}. Immutable.
 */
public final class ConnectionError extends RequestException {
  private static final long serialVersionUID = 1L;

  private ConnectionError(String errorText, Throwable cause) {
    super(errorText, errorText, cause);
  }

  /**
   * Maps a transport failure to Locust's text.
   *
   * @param secure whether the target was https (urllib3 names its pool {@code HTTPSConnectionPool})
   */
  static ConnectionError of(
      Throwable cause,
      String host,
      int port,
      boolean secure,
      Duration connectTimeout,
      Duration responseTimeout,
      int maxRedirects) {
    return new ConnectionError(
        text(cause, host, port, secure, connectTimeout, responseTimeout, maxRedirects), cause);
  }

  private static String text(
      Throwable cause,
      String host,
      int port,
      boolean secure,
      Duration connectTimeout,
      Duration responseTimeout,
      int maxRedirects) {
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof ConnectTimeoutException) {
      String connection = secure ? "HTTPSConnection" : "HTTPConnection";
      return "ConnectTimeoutError(<urllib3.connection."
          + connection
          + " object at 0x....>, 'Connection to "
          + host
          + " timed out. (connect timeout="
          + seconds(connectTimeout)
          + ")')";
    }
    if (cause instanceof ConnectException && message.contains("refused")) {
      return "ConnectionRefusedError(111, 'Connection refused')";
    }
    if (cause instanceof SocketTimeoutException) {
      String pool = secure ? "HTTPSConnectionPool" : "HTTPConnectionPool";
      String inner =
          pool
              + "(host='"
              + host
              + "', port="
              + port
              + "): Read timed out. (read timeout="
              + seconds(responseTimeout)
              + ")";
      return "ReadTimeout(" + ErrorTexts.ofException("ReadTimeoutError", inner) + ")";
    }
    if (cause instanceof NoHttpResponseException) {
      return "RemoteDisconnected('Remote end closed connection without response')";
    }
    if (cause instanceof SocketException && message.contains("reset")) {
      return "ConnectionResetError(104, 'Connection reset by peer')";
    }
    if (cause instanceof UnknownHostException) {
      return "gaierror(-2, 'Name or service not known')";
    }
    if (cause instanceof RedirectException) {
      return ErrorTexts.ofException("TooManyRedirects", "Exceeded " + maxRedirects + " redirects.");
    }
    return ErrorTexts.ofException(
        cause.getClass().getSimpleName(),
        cause instanceof IOException ? cause.getMessage() : message);
  }

  /**
   * Python's {@code str} of a timeout in seconds: {@code 5} for whole seconds, else {@code 0.3}.
   */
  static String seconds(Duration timeout) {
    if (timeout == null) {
      return "None";
    }
    if (timeout.toNanos() % 1_000_000_000L == 0) {
      return Long.toString(timeout.toSeconds());
    }
    return Double.toString(timeout.toNanos() / 1e9);
  }
}
