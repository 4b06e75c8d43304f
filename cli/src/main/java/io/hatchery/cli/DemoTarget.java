package io.hatchery.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The system under test of {@code hatchery demo}: an HTTP server on an ephemeral loopback port that
 * answers every path with a small page after a short random delay (a few milliseconds), and {@code
 * /status/<code>} with that status. Closing it stops the server.
 */
final class DemoTarget implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private DemoTarget(HttpServer server) {
    this.server = server;
  }

  static DemoTarget start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    DemoTarget target = new DemoTarget(server);
    server.createContext("/", DemoTarget::answer);
    server.setExecutor(target.executor);
    server.start();
    return target;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      int status = 200;
      if (path.startsWith("/status/")) {
        status = Integer.parseInt(path.substring("/status/".length()));
      }
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 15));
      byte[] body = ("<html><body>" + path + "</body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NumberFormatException e) {
      exchange.sendResponseHeaders(400, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
