package io.hatchery.master.web;

import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.WorkerView;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-only routes: the page, its static files, Locust 2.12.1's JSON, CSV and report routes,
 * and Hatchery's {@code /metrics}, {@code /workers} and {@code /history}. Every response is built
 * from one {@link MasterControl#snapshot()}. Runs on Undertow's worker threads. Thread-safe.
 */
final class ReadRoutes {

  private final SnapshotReader snapshots;
  private final ChartHistory history;
  private final StatsCsv csv;
  private final Supplier<Map<String, List<TaskNode>>> tasks;
  private final Optional<Path> fullHistoryCsv;

  ReadRoutes(
      SnapshotReader snapshots,
      ChartHistory history,
      StatsCsv csv,
      Supplier<Map<String, List<TaskNode>>> tasks,
      Optional<Path> fullHistoryCsv) {
    this.snapshots = snapshots;
    this.history = history;
    this.csv = csv;
    this.tasks = tasks;
    this.fullHistoryCsv = fullHistoryCsv;
  }

  void index(HttpServerExchange exchange) {
    Responses.send(
        exchange, 200, WebResources.contentType(".html"), WebResources.text("index.html"));
  }

  void staticFile(HttpServerExchange exchange) {
    String name = exchange.getQueryParameters().get("file").getFirst();
    Optional<byte[]> bytes = WebResources.file(name);
    if (bytes.isEmpty()) {
      Responses.send(exchange, 404, "text/plain", "Not found\n");
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, WebResources.contentType(name));
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
    exchange.getResponseSender().send(ByteBuffer.wrap(bytes.get()));
  }

  void requests(HttpServerExchange exchange) throws IOException {
    Responses.json(exchange, 200, snapshots.read(StatsJson::requests));
  }

  void exceptions(HttpServerExchange exchange) throws IOException {
    Responses.json(exchange, 200, snapshots.read(StatsJson::exceptions));
  }

  void tasks(HttpServerExchange exchange) throws IOException {
    Map<String, List<TaskNode>> tasksByClass = tasks.get();
    Responses.json(exchange, 200, snapshots.read(s -> TaskRatios.of(s, tasksByClass)));
  }

  void requestsCsv(HttpServerExchange exchange) throws IOException {
    String body =
        snapshots.read(
            s -> {
              StringWriter out = new StringWriter();
              csv.requests(s, out);
              return out.toString();
            });
    Responses.csv(exchange, "requests", body);
  }

  void failuresCsv(HttpServerExchange exchange) throws IOException {
    String body =
        snapshots.read(
            s -> {
              StringWriter out = new StringWriter();
              csv.failures(s, out);
              return out.toString();
            });
    Responses.csv(exchange, "failures", body);
  }

  void exceptionsCsv(HttpServerExchange exchange) throws IOException {
    String body =
        snapshots.read(
            s -> {
              StringWriter out = new StringWriter();
              csv.exceptions(s, out);
              return out.toString();
            });
    Responses.csv(exchange, "exceptions", body);
  }

  void fullHistoryCsv(HttpServerExchange exchange) throws IOException {
    if (fullHistoryCsv.isEmpty() || !Files.isReadable(fullHistoryCsv.get())) {
      Responses.send(
          exchange,
          404,
          "text/html; charset=utf-8",
          "Error: Server was not started with option to generate full history.");
      return;
    }
    Responses.csv(exchange, "requests_full_history", Files.readString(fullHistoryCsv.get()));
  }

  void report(HttpServerExchange exchange) throws IOException {
    Map<String, List<TaskNode>> tasksByClass = tasks.get();
    String html =
        snapshots.read(
            s -> {
              StringWriter out = new StringWriter();
              HtmlReport.write(s, history.points(), tasksByClass, out);
              return out.toString();
            });
    if (exchange.getQueryParameters().containsKey("download")) {
      exchange
          .getResponseHeaders()
          .put(
              Headers.CONTENT_DISPOSITION,
              "attachment;filename=report_" + Responses.epoch() + ".html");
    }
    Responses.send(exchange, 200, "text/html; charset=utf-8", html);
  }

  void metrics(HttpServerExchange exchange) throws IOException {
    Responses.send(
        exchange, 200, PrometheusMetrics.CONTENT_TYPE, snapshots.read(PrometheusMetrics::render));
  }

  /** Hatchery's per-worker detail: everything the master knows about each worker. */
  void workers(HttpServerExchange exchange) throws IOException {
    MasterSnapshot snapshot = snapshots.read(s -> s);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (WorkerView worker : snapshot.workers()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", worker.id());
      row.put("index", worker.index());
      row.put("state", worker.state().wire());
      row.put("user_count", worker.userCount());
      row.put("user_classes_count", worker.userClassesCount());
      row.put("cpu_usage", worker.cpuUsagePercent());
      row.put("memory_usage", worker.memoryUsageBytes());
      row.put("last_heartbeat", worker.lastHeartbeatAt().toEpochMilli());
      row.put("dialect", worker.dialect());
      rows.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("workers", rows);
    body.put("degraded", snapshot.degraded());
    Responses.json(exchange, 200, body);
  }

  /**
   * The chart history with its stride and size; {@code ?after=<epoch ms>} returns only newer points
   * (the page polls that way and refetches everything when stride or size says it was thinned or
   * cleared).
   */
  void history(HttpServerExchange exchange) {
    List<HistoryPoint> points = history.points();
    long stride = history.stride();
    var after = exchange.getQueryParameters().get("after");
    List<HistoryPoint> sent = points;
    if (after != null && !after.isEmpty()) {
      long afterMillis;
      try {
        afterMillis = Long.parseLong(after.getFirst());
      } catch (NumberFormatException e) {
        Responses.send(exchange, 400, "text/plain", "after must be epoch milliseconds\n");
        return;
      }
      sent = points.stream().filter(p -> p.time().toEpochMilli() > afterMillis).toList();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stride", stride);
    body.put("size", points.size());
    body.put("points", HistoryJson.rows(sent));
    Responses.json(exchange, 200, body);
  }
}
