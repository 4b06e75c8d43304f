package io.hatchery.master.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Requires HTTP Basic credentials on every route ({@code --web-auth}, Locust's {@code
 * auth_required_if_enabled}); answers 401 with a {@code WWW-Authenticate} challenge otherwise. The
 * comparison takes the same time wherever the supplied value differs. Thread-safe.
 */
final class BasicAuthHandler implements HttpHandler {

  private final byte[] expected;
  private final HttpHandler next;

  BasicAuthHandler(WebCredentials credentials, HttpHandler next) {
    String token = credentials.user() + ":" + credentials.password();
    this.expected =
        ("Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String supplied = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (supplied != null
        && MessageDigest.isEqual(expected, supplied.trim().getBytes(StandardCharsets.UTF_8))) {
      next.handleRequest(exchange);
      return;
    }
    exchange
        .getResponseHeaders()
        .put(Headers.WWW_AUTHENTICATE, "Basic realm=\"Hatchery\", charset=\"UTF-8\"");
    Responses.send(exchange, 401, "text/plain; charset=utf-8", "Authentication required\n");
  }
}
