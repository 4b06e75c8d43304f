package io.hatchery.master.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.SwarmRequest;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The state-changing routes: {@code POST /swarm}, {@code /stop} and {@code /stats/reset}, with
 * Locust 2.12.1's responses. Runs on Undertow's worker threads (blocking). Thread-safe.
 */
final class ControlRoutes {

  private final MasterControl control;
  private final ChartHistory history;
  private final FormParserFactory forms = FormParserFactory.builder().build();

  ControlRoutes(MasterControl control, ChartHistory history) {
    this.control = control;
    this.history = history;
  }

  /** {@code POST /swarm}: form or JSON body; also edits a running test. */
  void swarm(HttpServerExchange exchange) throws IOException {
    SwarmRequest request;
    try {
      request = SwarmForm.parse(fields(exchange));
      control.start(request);
    } catch (IllegalArgumentException | IllegalStateException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("success", false);
      body.put("message", e.getMessage());
      body.put("host", control.snapshot().host().orElse(null));
      Responses.json(exchange, 400, body);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("message", "Swarming started");
    body.put("host", request.host().or(() -> control.snapshot().host()).orElse(null));
    request.runTime().ifPresent(runTime -> body.put("run_time", runTime.toSeconds()));
    if (!request.userClasses().isEmpty()) {
      body.put("user_classes", new TreeSet<>(request.userClasses()));
    }
    Responses.json(exchange, 200, body);
  }

  /** {@code /stop}. */
  void stop(HttpServerExchange exchange) {
    control.stop();
    Responses.json(exchange, 200, Map.of("success", true, "message", "Test stopped"));
  }

  /** {@code /stats/reset}: stats, errors, exceptions and the chart history. */
  void reset(HttpServerExchange exchange) {
    control.resetStats();
    history.clear();
    Responses.send(exchange, 200, "text/html; charset=utf-8", "ok");
  }

  private Map<String, List<String>> fields(HttpServerExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (type != null && type.toLowerCase().startsWith("application/json")) {
      JsonNode json = WebJson.MAPPER.readTree(exchange.getInputStream());
      if (json != null && json.isObject()) {
        for (Map.Entry<String, JsonNode> field : json.properties()) {
          List<String> values = new ArrayList<>();
          if (field.getValue().isArray()) {
            field.getValue().forEach(v -> values.add(v.asText()));
          } else {
            values.add(field.getValue().asText());
          }
          fields.put(field.getKey(), values);
        }
      }
      return fields;
    }
    FormDataParser parser = forms.createParser(exchange);
    if (parser == null) {
      return fields;
    }
    FormData data = parser.parseBlocking();
    for (String name : data) {
      List<String> values = new ArrayList<>();
      data.get(name).forEach(v -> values.add(v.getValue()));
      fields.put(name, values);
    }
    return fields;
  }
}
