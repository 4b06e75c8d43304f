package io.hatchery.master.web;

import io.hatchery.master.control.MasterControl;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's web UI and REST API on Undertow: Locust 2.12.1's routes (see {@code
 * docs/readme/web.md}), Basic auth on every route with {@code --web-auth}, HTTPS with {@code
 * --tls-cert}/{@code --tls-key}, a same-origin check on the state-changing routes, plus {@code
 * /metrics}, {@code /workers} and {@code /history}. Also samples chart history and runs {@code
 * --autostart}/{@code --autoquit}.
 *
 * <pre>{@code
 * try (WebServer web = WebServer.start(WebSettings.of("127.0.0.1", 8089), control)) {
 *   System.out.println("Starting web interface at " + web.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safety: requests run on Undertow's worker threads; {@link #close()} may be called from
 * any thread and is idempotent.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");

  private final Undertow undertow;
  private final HistorySampler sampler;
  private final ChartHistory history;
  private final URI uri;

  private WebServer(Undertow undertow, HistorySampler sampler, ChartHistory history, URI uri) {
    this.undertow = undertow;
    this.sampler = sampler;
    this.history = history;
    this.uri = uri;
  }

  /** Starts with Locust's CSV columns and no task lists. */
  public static WebServer start(WebSettings settings, MasterControl control) throws IOException {
    return start(settings, control, new LocustStatsCsv(), Map::of);
  }

  /**
   * Binds and starts serving.
   *
   * @param csv the CSV writers of the download routes
   * @param tasks each user class's tasks, for {@code /tasks} and the report (read per request)
   * @throws BindException with a message naming the address and {@code --web-port} when the port is
   *     in use or the address cannot be bound
   * @throws IllegalArgumentException for unusable TLS files
   */
  public static WebServer start(
      WebSettings settings,
      MasterControl control,
      StatsCsv csv,
      Supplier<Map<String, List<TaskNode>>> tasks)
      throws IOException {
    exposureWarning(settings).ifPresent(warning -> LOG.warn(warning));
    ChartHistory history = new ChartHistory(ChartHistory.DEFAULT_CAPACITY);
    SnapshotReader snapshots = new SnapshotReader(control);
    ReadRoutes read = new ReadRoutes(snapshots, history, csv, tasks, settings.fullHistoryCsv());
    ControlRoutes write = new ControlRoutes(control, history);
    HttpHandler handler = routes(read, write, settings.auth().isEmpty());
    if (settings.auth().isPresent()) {
      handler = new BasicAuthHandler(settings.auth().get(), handler);
    }
    handler = new BlockingHandler(handler);
    Undertow.Builder builder = Undertow.builder().setIoThreads(2).setWorkerThreads(8);
    String bind = settings.bindAddress();
    if (settings.tls().isPresent()) {
      builder.addHttpsListener(settings.port(), bind, PemTls.serverContext(settings.tls().get()));
    } else {
      builder.addHttpListener(settings.port(), bind);
    }
    Undertow undertow = builder.setHandler(handler).build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      undertow.stop();
      BindException bindFailure =
          new BindException(
              "Cannot serve the web UI on "
                  + bind
                  + ":"
                  + settings.port()
                  + ": "
                  + (causedByPortInUse(e) ? "the port is already in use" : String.valueOf(e))
                  + " (choose another with --web-port / --web-host)");
      bindFailure.initCause(e);
      throw bindFailure;
    }
    InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    URI uri = uri(settings, address);
    HistorySampler sampler = HistorySampler.start(settings, control, snapshots, history);
    return new WebServer(undertow, sampler, history, uri);
  }

  /** The address it listens on, with the real port, e.g. {@code http://127.0.0.1:41234/}. */
  public URI uri() {
    return uri;
  }

  /** The chart history this server samples (for the CLI's {@code --html} at the end). */
  public ChartHistory history() {
    return history;
  }

  /** Stops sampling and serving. */
  @Override
  public void close() {
    sampler.close();
    undertow.stop();
  }

  /**
   * The warning for a web UI reachable from other machines without {@code --web-auth}; empty on a
   * loopback address or with auth.
   */
  static Optional<String> exposureWarning(WebSettings settings) {
    if (settings.auth().isPresent()) {
      return Optional.empty();
    }
    try {
      if (InetAddress.getByName(settings.bindAddress()).isLoopbackAddress()) {
        return Optional.empty();
      }
    } catch (IOException e) {
      // an unresolvable name fails at bind time with its own message
    }
    return Optional.of(
        "The web UI listens on "
            + settings.bindAddress()
            + " without --web-auth: anyone who can reach this port can start and stop tests.");
  }

  private static HttpHandler routes(ReadRoutes read, ControlRoutes write, boolean openCors) {
    RoutingHandler routes = new RoutingHandler();
    routes.get("/", read::index);
    routes.get("/static/{file}", read::staticFile);
    routes.post("/swarm", new SameOriginHandler(write::swarm));
    for (HttpString method : List.of(Methods.GET, Methods.POST)) {
      routes.add(method, "/stop", new SameOriginHandler(write::stop));
      routes.add(method, "/stats/reset", new SameOriginHandler(write::reset));
    }
    routes.get("/stats/requests", cors(openCors, read::requests));
    routes.get("/stats/requests/csv", cors(openCors, read::requestsCsv));
    routes.get("/stats/requests_full_history/csv", cors(openCors, read::fullHistoryCsv));
    routes.get("/stats/failures/csv", cors(openCors, read::failuresCsv));
    routes.get("/exceptions", cors(openCors, read::exceptions));
    routes.get("/exceptions/csv", cors(openCors, read::exceptionsCsv));
    routes.get("/stats/report", read::report);
    routes.get("/tasks", cors(openCors, read::tasks));
    routes.get("/metrics", read::metrics);
    routes.get("/workers", cors(openCors, read::workers));
    routes.get("/history", cors(openCors, read::history));
    routes.setFallbackHandler(e -> Responses.send(e, 404, "text/plain", "Not found\n"));
    routes.setInvalidMethodHandler(
        e -> Responses.send(e, 405, "text/plain", "Method not allowed\n"));
    return routes;
  }

  /**
   * Locust opens CORS on every route; Hatchery does so only on read-only routes and only without
   * auth, so credentials never meet a wildcard origin.
   */
  private static HttpHandler cors(boolean open, HttpHandler next) {
    if (!open) {
      return next;
    }
    return exchange -> {
      exchange.getResponseHeaders().put(ALLOW_ORIGIN, "*");
      next.handleRequest(exchange);
    };
  }

  private static boolean causedByPortInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static URI uri(WebSettings settings, InetSocketAddress address) {
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    String scheme = settings.tls().isPresent() ? "https" : "http";
    return URI.create(scheme + "://" + host + ":" + address.getPort() + "/");
  }
}
