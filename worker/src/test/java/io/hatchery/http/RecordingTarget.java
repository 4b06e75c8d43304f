package io.hatchery.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server for the client tests that records every request, including the client port
 * it came from (one port = one TCP connection).
 *
 * <p>Routes: {@code /status/<code>}; {@code /redirect/<n>} redirects n times then lands on {@code
 * /status/200} ({@code /redirect/<n>/to/<path>} lands on that path); {@code /loop} redirects to
 * itself; {@code /cookie/<name>/<value>} sets a cookie; {@code /json}, {@code /notjson}; {@code
 * /latin1} (text with charset ISO-8859-1); {@code /gzip}; {@code /hang} answers only when the
 * target closes; anything else answers 200 with body {@code "hello"}.
 */
final class RecordingTarget implements AutoCloseable {

  record Recorded(
      String method, String uri, Map<String, List<String>> headers, byte[] body, int clientPort) {
    String header(String name) {
      for (var entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);

  RecordingTarget() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Recorded> requests() {
    return requests;
  }

  Recorded last() {
    return requests.get(requests.size() - 1);
  }

  /** Distinct TCP connections that sent requests. */
  int connections() {
    return clientPorts.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int clientPort = exchange.getRemoteAddress().getPort();
      clientPorts.add(clientPort);
      String uri = exchange.getRequestURI().toString();
      requests.add(
          new Recorded(
              exchange.getRequestMethod(),
              uri,
              Map.copyOf(exchange.getRequestHeaders()),
              body,
              clientPort));
      route(exchange, exchange.getRequestURI().getPath());
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    String[] parts = path.split("/");
    if (path.startsWith("/status/")) {
      send(exchange, Integer.parseInt(parts[2]), "text/plain", "status " + parts[2]);
    } else if (path.startsWith("/redirect/")) {
      int remaining = Integer.parseInt(parts[2]);
      String landing =
          path.contains("/to/") ? path.substring(path.indexOf("/to/") + 3) : "/status/200";
      String rest = path.contains("/to/") ? path.substring(path.indexOf("/to/")) : "";
      redirect(exchange, remaining <= 1 ? landing : "/redirect/" + (remaining - 1) + rest);
    } else if (path.equals("/loop")) {
      redirect(exchange, "/loop");
    } else if (path.startsWith("/cookie/")) {
      exchange.getResponseHeaders().add("Set-Cookie", parts[2] + "=" + parts[3] + "; Path=/");
      send(exchange, 200, "text/plain", "set");
    } else if (path.equals("/json")) {
      send(exchange, 200, "application/json", "{\"count\": 1, \"items\": [\"a\", \"b\"]}");
    } else if (path.equals("/notjson")) {
      send(exchange, 200, "text/html", "<html>nope</html>");
    } else if (path.equals("/latin1")) {
      byte[] bytes = "café".getBytes(StandardCharsets.ISO_8859_1);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=ISO-8859-1");
      sendBytes(exchange, 200, bytes);
    } else if (path.equals("/gzip")) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
        gzip.write("x".repeat(1000).getBytes(StandardCharsets.US_ASCII));
      }
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
      sendBytes(exchange, 200, zipped.toByteArray());
    } else if (path.startsWith("/big/")) {
      int bytes = Integer.parseInt(parts[2]);
      exchange.getResponseHeaders().add("X-Big", "h".repeat(bytes));
      send(exchange, 200, "text/plain", "b".repeat(bytes));
    } else if (path.equals("/hang")) {
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(exchange, 200, "text/plain", "late");
    } else {
      send(exchange, 200, "text/plain", "hello");
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    sendBytes(exchange, 302, new byte[0]);
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    sendBytes(exchange, status, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendBytes(HttpExchange exchange, int status, byte[] bytes)
      throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    if (!head && bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
