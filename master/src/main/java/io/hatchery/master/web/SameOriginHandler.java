package io.hatchery.master.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Map;

/**
 * Refuses a state-changing request ({@code /swarm}, {@code /stop}, {@code /stats/reset}) that a
 * page of another site made the browser send: 403 when the {@code Origin} header is not this
 * server's own scheme and host, or {@code Sec-Fetch-Site} says the request is cross-site. Requests
 * without either header (curl, scripts, Locust's API clients) pass. Not in Locust 2.12.1, whose
 * {@code /stop} any page could trigger. Thread-safe.
 */
final class SameOriginHandler implements HttpHandler {

  private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");

  private final HttpHandler next;

  SameOriginHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    String fetchSite = exchange.getRequestHeaders().getFirst(SEC_FETCH_SITE);
    boolean crossSite =
        fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none");
    if (crossSite || (origin != null && !origin.equalsIgnoreCase(ownOrigin(exchange)))) {
      Responses.json(
          exchange, 403, Map.of("success", false, "message", "Cross-origin request refused"));
      return;
    }
    next.handleRequest(exchange);
  }

  private static String ownOrigin(HttpServerExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    return exchange.getRequestScheme() + "://" + (host == null ? "" : host);
  }
}
