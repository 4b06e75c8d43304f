package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every route of the web API over real HTTP against a {@link FakeMasterControl}. */
@Timeout(60)
class WebServerIT {

  static final Map<String, List<TaskNode>> RECORDED_SCENARIO_TASKS =
      Map.of(
          "WebsiteUser",
          List.of(
              new TaskNode(
                  "Browse",
                  2,
                  List.of(
                      TaskNode.task("front", 3),
                      TaskNode.task("missing", 1),
                      TaskNode.task("done", 1))),
              TaskNode.task("boom", 1)));

  private final FakeMasterControl control = new FakeMasterControl();
  private WebServer server;
  private WebClient client;

  @BeforeEach
  void startServer() throws Exception {
    WebSettings settings =
        WebSettings.of("127.0.0.1", 0).withHistoryInterval(Duration.ofMillis(20));
    server =
        WebServer.start(settings, control, new LocustStatsCsv(), () -> RECORDED_SCENARIO_TASKS);
    client = new WebClient(server.uri());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void statsRequestsHasTheKeysOfLocust2121() throws Exception {
    control.start(SwarmRequest.of(4, 4));
    control.recordTraffic(40, 5);
    JsonNode ours = client.json("/stats/requests");
    JsonNode locust = LocustFixtures.json("stats-requests.json");
    assertThat(LocustFixtures.keyPaths(ours)).isEqualTo(LocustFixtures.keyPaths(locust));
    assertThat(ours.get("stats")).hasSize(4);
    JsonNode total = ours.get("stats").get(3);
    assertThat(total.get("name").asText()).isEqualTo("Aggregated");
    assertThat(total.get("num_requests").asLong()).isEqualTo(85);
    assertThat(ours.get("stats").get(0).get("safe_name").asText()).isEqualTo("/cart &lt;b&gt;");
    assertThat(ours.get("errors").get(0).get("error").asText())
        .isEqualTo("HTTPError(&#x27;404 Client Error&#x27;)");
    assertThat(ours.get("state").asText()).isEqualTo("running");
    assertThat(ours.get("user_count").asInt()).isEqualTo(4);
    assertThat(ours.get("workers").get(0).get("id").asText()).isEqualTo("worker-1");
  }

  @Test
  void exceptionsHaveTheKeysOfLocust2121AndAreEscaped() throws Exception {
    control.addException("bad <thing>");
    JsonNode ours = client.json("/exceptions");
    assertThat(LocustFixtures.keyPaths(ours))
        .isEqualTo(LocustFixtures.keyPaths(LocustFixtures.json("exceptions.json")));
    assertThat(ours.get("exceptions").get(0).get("msg").asText()).isEqualTo("bad &lt;thing&gt;");
    assertThat(ours.get("exceptions").get(0).get("nodes").asText()).isEqualTo("worker-1");
  }

  @Test
  void tasksEqualLocustsRatiosForTheRecordedScenario() throws Exception {
    control.start(SwarmRequest.of(4, 4));
    assertThat(client.json("/tasks")).isEqualTo(LocustFixtures.json("tasks.json"));
  }

  @Test
  void swarmTakesLocustFormFieldsAndAnswersLikeLocust() throws Exception {
    HttpResponse<String> response =
        client.postForm(
            "/swarm",
            Map.of(
                "user_count", "7",
                "spawn_rate", "2.5",
                "host", "http://127.0.0.1:1<script>",
                "run_time", "1h20m"));
    JsonNode body = WebClient.parse(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("message").asText()).isEqualTo("Swarming started");
    assertThat(body.get("host").asText()).isEqualTo("http://127.0.0.1:1script");
    assertThat(body.get("run_time").asLong()).isEqualTo(4800);
    SwarmRequest request = control.starts().get(0);
    assertThat(request.userCount()).isEqualTo(7);
    assertThat(request.spawnRatePerSecond()).isEqualTo(2.5);
    assertThat(request.runTime()).contains(Duration.ofMinutes(80));
    JsonNode swarmKeys = LocustFixtures.json("swarm.json");
    assertThat(LocustFixtures.keyPaths(body)).containsAll(LocustFixtures.keyPaths(swarmKeys));
  }

  @Test
  void swarmAcceptsLocust0xNamesAndJsonAndEditsARunningTest() throws Exception {
    client.postForm("/swarm", Map.of("locust_count", "3", "hatch_rate", "1"));
    client.postJson(
        "/swarm", "{\"user_count\": 9, \"spawn_rate\": 3, \"user_classes\": [\"B\", \"A\"]}");
    assertThat(control.starts()).hasSize(2);
    assertThat(control.starts().get(0).userCount()).isEqualTo(3);
    assertThat(control.starts().get(1).userCount()).isEqualTo(9);
    assertThat(control.starts().get(1).userClasses()).containsExactly("B", "A");
  }

  @Test
  void swarmWithInvalidRunTimeOrRateIsRefusedWithAMessage() throws Exception {
    HttpResponse<String> badTime =
        client.postForm("/swarm", Map.of("user_count", "1", "spawn_rate", "1", "run_time", "soon"));
    assertThat(WebClient.parse(badTime.body()).get("message").asText())
        .isEqualTo("Valid run_time formats are : 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.");
    HttpResponse<String> badRate =
        client.postForm("/swarm", Map.of("user_count", "1", "spawn_rate", "0"));
    assertThat(badRate.statusCode()).isEqualTo(400);
    assertThat(WebClient.parse(badRate.body()).get("success").asBoolean()).isFalse();
    assertThat(control.starts()).isEmpty();
  }

  @Test
  void stopAndResetAnswerLikeLocust() throws Exception {
    control.start(SwarmRequest.of(1, 1));
    assertThat(client.json("/stop")).isEqualTo(LocustFixtures.json("stop.json"));
    assertThat(control.stops()).isEqualTo(1);
    HttpResponse<String> reset = client.get("/stats/reset");
    assertThat(reset.body()).isEqualTo("ok");
    assertThat(control.resets()).isEqualTo(1);
  }

  @Test
  void crossOriginStateChangesAreRefusedAndSameOriginOnesPass() throws Exception {
    HttpResponse<String> foreign =
        client.postForm(
            "/swarm",
            Map.of("user_count", "1", "spawn_rate", "1"),
            "Origin",
            "http://evil.example");
    assertThat(foreign.statusCode()).isEqualTo(403);
    HttpResponse<String> fetchSite = client.get("/stop", "Sec-Fetch-Site", "cross-site");
    assertThat(fetchSite.statusCode()).isEqualTo(403);
    assertThat(control.starts()).isEmpty();
    assertThat(control.stops()).isZero();
    String own = "http://" + server.uri().getAuthority();
    HttpResponse<String> same =
        client.postForm("/swarm", Map.of("user_count", "1", "spawn_rate", "1"), "Origin", own);
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(control.starts()).hasSize(1);
  }

  @Test
  void readOnlyRoutesAllowAnyOriginWithoutAuthButStateChangesDoNot() throws Exception {
    assertThat(client.get("/stats/requests").headers().firstValue("Access-Control-Allow-Origin"))
        .contains("*");
    assertThat(client.get("/stop").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void csvDownloadsHaveLocustHeadersAndAttachmentNames() throws Exception {
    control.recordTraffic(10, 2);
    control.addException("boom, again");
    HttpResponse<String> requests = client.get("/stats/requests/csv");
    assertThat(requests.headers().firstValue("Content-Type")).contains("text/csv");
    assertThat(requests.headers().firstValue("Content-Disposition").orElseThrow())
        .matches("attachment;filename=requests_\\d+\\.\\d+\\.csv");
    String[] lines = requests.body().split("\r\n");
    assertThat(lines[0]).isEqualTo(firstLine("requests.csv"));
    assertThat(lines[lines.length - 1]).startsWith(",Aggregated,22,2,");
    assertThat(client.get("/stats/failures/csv").body())
        .startsWith(firstLine("failures.csv") + "\r\n")
        .contains("GET,/missing,\"\"\"HTTPError('404 Client Error')\"\"\",2");
    assertThat(client.get("/exceptions/csv").body())
        .startsWith(firstLine("exceptions.csv") + "\r\n")
        .contains("3,\"boom, again\",");
    HttpResponse<String> history = client.get("/stats/requests_full_history/csv");
    assertThat(history.statusCode()).isEqualTo(404);
    assertThat(history.body())
        .isEqualTo("Error: Server was not started with option to generate full history.");
  }

  @Test
  void pageStaticFilesAndChartLibraryAreServed() throws Exception {
    HttpResponse<String> page = client.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"swarm-form\"", "/static/app.js");
    for (String file : List.of("app.js", "app.css", "charts.js", "echarts.min.js")) {
      assertThat(client.get("/static/" + file).statusCode()).as(file).isEqualTo(200);
    }
    assertThat(client.get("/static/..%2Fweb.properties").statusCode()).isEqualTo(404);
    assertThat(client.get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void reportIsSelfContainedAndDownloadable() throws Exception {
    control.recordTraffic(10, 1);
    HttpResponse<String> report = client.get("/stats/report");
    assertThat(report.body())
        .contains("Hatchery Test Report", "Request Statistics", "/cart &lt;b&gt;", "echarts")
        .doesNotContain("<script src=", "<link ");
    assertThat(client.get("/stats/report?download=1").headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).matches("attachment;filename=report_.*\\.html"));
  }

  @Test
  void metricsAreInPrometheusTextFormat() throws Exception {
    control.start(SwarmRequest.of(4, 4));
    control.recordTraffic(10, 1);
    HttpResponse<String> metrics = client.get("/metrics");
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("# TYPE hatchery_requests_total counter")
        .contains("hatchery_requests_total{method=\"GET\",name=\"/items\"} 10")
        .contains("hatchery_requests_total{method=\"\",name=\"Aggregated\"} 21")
        .contains("hatchery_users 4")
        .contains("hatchery_state{state=\"running\"} 1")
        .contains("hatchery_workers{state=\"running\"} 1")
        .contains(
            "hatchery_worker_memory_usage_bytes{worker=\"worker-1\",state=\"running\"} 67108864")
        .containsPattern(
            "hatchery_response_time_milliseconds\\{method=\"GET\",name=\"/items\",quantile=\"0.5\"\\} \\d+");
  }

  @Test
  void historyIsSampledWhileRunningAndClearedOnReset() throws Exception {
    control.start(SwarmRequest.of(2, 2));
    control.recordTraffic(5, 0);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode history = client.json("/history");
    while (history.get("points").size() < 3 && System.nanoTime() < deadline) {
      history = client.json("/history");
    }
    assertThat(history.get("points").size()).isGreaterThanOrEqualTo(3);
    assertThat(history.get("points").get(0).get("user_count").asInt()).isEqualTo(2);
    long second = history.get("points").get(1).get("time").asLong();
    JsonNode newer = client.json("/history?after=" + second);
    assertThat(newer.get("points").size()).isLessThanOrEqualTo(newer.get("size").asInt() - 2);
    for (JsonNode point : newer.get("points")) {
      assertThat(point.get("time").asLong()).isGreaterThan(second);
    }
    control.setState(RunState.STOPPED);
    client.get("/stats/reset");
    assertThat(client.json("/history").get("points").size()).isZero();
  }

  @Test
  void workersRouteShowsPerWorkerDetail() throws Exception {
    JsonNode workers = client.json("/workers").get("workers");
    assertThat(workers.get(0).get("dialect").asText()).isEqualTo("G2");
    assertThat(workers.get(0).get("cpu_usage").asDouble()).isEqualTo(12.5);
  }

  private static String firstLine(String csvFixture) throws Exception {
    try (var in =
        WebServerIT.class
            .getClassLoader()
            .getResourceAsStream("io/hatchery/master/web/locust-2.12.1/" + csvFixture)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .split("\r?\n")[0];
    }
  }
}
