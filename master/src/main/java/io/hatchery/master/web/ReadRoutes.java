package io.hatchery.master.web;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.WorkerView;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.StringWriter;
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

  private final MasterControl control;
  private final ChartHistory history;
  private final StatsCsv csv;
  private final Supplier<Map<String, List<TaskNode>>> tasks;
  private final Optional<Path> fullHistoryCsv;

  ReadRoutes(
      MasterControl control,
      ChartHistory history,
      StatsCsv csv,
      Supplier<Map<String, List<TaskNode>>> tasks,
      Optional<Path> fullHistoryCsv) {
    this.control = control;
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
    exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes.get()));
  }

  void requests(HttpServerExchange exchange) {
    Responses.json(exchange, 200, StatsJson.requests(control.snapshot()));
  }

  void exceptions(HttpServerExchange exchange) {
    Responses.json(exchange, 200, StatsJson.exceptions(control.snapshot()));
  }

  void tasks(HttpServerExchange exchange) {
    Responses.json(exchange, 200, TaskRatios.of(control.snapshot(), tasks.get()));
  }

  void requestsCsv(HttpServerExchange exchange) throws IOException {
    StringWriter out = new StringWriter();
    csv.requests(control.snapshot(), out);
    Responses.csv(exchange, "requests", out.toString());
  }

  void failuresCsv(HttpServerExchange exchange) throws IOException {
    StringWriter out = new StringWriter();
    csv.failures(control.snapshot(), out);
    Responses.csv(exchange, "failures", out.toString());
  }

  void exceptionsCsv(HttpServerExchange exchange) throws IOException {
    StringWriter out = new StringWriter();
    csv.exceptions(control.snapshot(), out);
    Responses.csv(exchange, "exceptions", out.toString());
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
    StringWriter out = new StringWriter();
    HtmlReport.write(control.snapshot(), history.points(), tasks.get(), out);
    if (exchange.getQueryParameters().containsKey("download")) {
      exchange
          .getResponseHeaders()
          .put(
              Headers.CONTENT_DISPOSITION,
              "attachment;filename=report_" + Responses.epoch() + ".html");
    }
    Responses.send(exchange, 200, "text/html; charset=utf-8", out.toString());
  }

  void metrics(HttpServerExchange exchange) {
    Responses.send(
        exchange,
        200,
        PrometheusMetrics.CONTENT_TYPE,
        PrometheusMetrics.render(control.snapshot()));
  }

  /** Hatchery's per-worker detail: everything the master knows about each worker. */
  void workers(HttpServerExchange exchange) {
    MasterSnapshot snapshot = control.snapshot();
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

  /** The chart history, with its stride so the page can tell when it was thinned. */
  void history(HttpServerExchange exchange) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stride", history.stride());
    body.put("points", HistoryJson.rows(history.points()));
    Responses.json(exchange, 200, body);
  }
}
