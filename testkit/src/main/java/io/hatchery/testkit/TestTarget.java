package io.hatchery.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP server on an ephemeral loopback port that load tests point at. It counts every request it
 * answers per path, so a test can reconcile what the load generator reported with what the target
 * saw.
 *
 * <p>Routes: {@code /status/<code>} answers that status (200..599, else 400); {@code
 * /delay/<millis>} answers 200 after sleeping that long (at most 10 s); any other path answers 200
 * with a small body. Request bodies are read and discarded. Each request runs on its own virtual
 * thread.
 *
 * <p>Thread-safe. Close it to stop the server.
 *
 * <pre>{@code
 * try (TestTarget target = TestTarget.start()) {
 *   String host = target.baseUrl();          // e.g. http://127.0.0.1:40123
 *   ...
 *   assertThat(target.requestCount("/hello")).isEqualTo(42);
 * }
 * }</pre>
 */
public final class TestTarget implements AutoCloseable {
  private static final long MAX_DELAY_MILLIS = 10_000;
  private static final byte[] BODY = "hatchery test target\n".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final Map<String, LongAdder> requestsByPath = new ConcurrentHashMap<>();

  private TestTarget(HttpServer server) {
    this.server = server;
  }

  /** Starts a target on {@code 127.0.0.1} and an ephemeral port. */
  public static TestTarget start() throws IOException {
    return start(new InetSocketAddress("127.0.0.1", 0));
  }

  /**
   * Starts a target on {@code address} (port 0 for an ephemeral one); for test hosts in network
   * namespaces, see {@link TestTargetMain}.
   */
  public static TestTarget start(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 128);
    TestTarget target = new TestTarget(server);
    server.createContext("/", target::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return target;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /** Requests answered so far for {@code path} (without the query string). */
  public long requestCount(String path) {
    LongAdder adder = requestsByPath.get(path);
    return adder == null ? 0 : adder.sum();
  }

  /** Requests answered so far by path, a sorted copy. */
  public Map<String, Long> requestCounts() {
    Map<String, Long> counts = new TreeMap<>();
    requestsByPath.forEach((path, adder) -> counts.put(path, adder.sum()));
    return counts;
  }

  /** Requests answered so far for all paths. */
  public long requestCount() {
    return requestsByPath.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream body = exchange.getRequestBody()) {
        body.transferTo(OutputStream.nullOutputStream());
      }
      String path = URI.create(exchange.getRequestURI().getRawPath()).getPath();
      int status = respond(path);
      // Counted before the response leaves, so a client that has its answer is already counted.
      requestsByPath.computeIfAbsent(path, p -> new LongAdder()).increment();
      exchange.sendResponseHeaders(status, BODY.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(BODY);
      }
    }
  }

  private static int respond(String path) {
    if (path.startsWith("/status/")) {
      int status = parseOr(path.substring("/status/".length()), 400);
      return status >= 200 && status <= 599 ? status : 400;
    }
    if (path.startsWith("/delay/")) {
      long millis = Math.min(parseOr(path.substring("/delay/".length()), 0), MAX_DELAY_MILLIS);
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return 200;
  }

  private static int parseOr(String text, int fallback) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
