package io.hatchery.master.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.time.Instant;

/** Writes the web API's responses on an Undertow exchange. Stateless. */
final class Responses {

  private Responses() {}

  /** Sends {@code body} as JSON with {@code status}. */
  static void json(HttpServerExchange exchange, int status, Object body) {
    send(exchange, status, "application/json", WebJson.write(body));
  }

  /** Sends a text body. */
  static void send(HttpServerExchange exchange, int status, String contentType, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    exchange.getResponseSender().send(body);
  }

  /**
   * Sends a CSV download named like Locust's ({@code <prefix>_<epoch seconds>.csv}, attachment).
   */
  static void csv(HttpServerExchange exchange, String prefix, String body) {
    exchange
        .getResponseHeaders()
        .put(Headers.CONTENT_DISPOSITION, "attachment;filename=" + prefix + "_" + epoch() + ".csv");
    send(exchange, 200, "text/csv", body);
  }

  /** Locust's {@code time()} suffix: epoch seconds with a fraction. */
  static String epoch() {
    Instant now = Instant.now();
    return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
  }
}
