package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.hatchery.master.control.SwarmRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The page in a real headless Chromium: start a test from the form, watch the statistics table, the
 * charts and the workers tab update, take a screenshot ({@code target/browser/web-ui.png}), stop
 * the test. The master is a {@link FakeMasterControl} fed with real statistics until the real
 * master lands.
 */
@Timeout(180)
class WebUiBrowserIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final FakeMasterControl control = new FakeMasterControl();

  @Test
  void startsWatchesAndStopsATestFromThePage() throws Exception {
    WebSettings settings =
        WebSettings.of("127.0.0.1", 0).withHistoryInterval(Duration.ofMillis(200));
    try (WebServer server = WebServer.start(settings, control);
        WebDriverSession browser = WebDriverSession.start()) {
      browser.open(server.uri());
      browser.type("#user_count", "5");
      browser.type("#spawn_rate", "2");
      browser.type("#swarm-host", "http://127.0.0.1:9");
      browser.click("#start");
      await("the swarm request", () -> !control.starts().isEmpty());
      SwarmRequest started = control.starts().get(0);
      assertThat(started.userCount()).isEqualTo(5);
      assertThat(started.spawnRatePerSecond()).isEqualTo(2.0);
      assertThat(started.host()).contains("http://127.0.0.1:9");

      await(
          "the statistics table",
          () -> {
            control.recordTraffic(20, 1);
            JsonNode rows =
                browser.script(
                    "return [...document.querySelectorAll('#stats-table tbody tr')]"
                        + ".map(r => r.innerText);");
            return rows.size() == 4 && rows.get(3).asText().contains("Aggregated");
          });
      assertThat(text(browser, "#state")).isEqualTo("running");
      assertThat(text(browser, "#user-count")).isEqualTo("5");

      browser.click("button[data-tab=workers]");
      await(
          "the worker in the workers tab",
          () ->
              text(browser, "#workers-table tbody").contains("worker-1")
                  && text(browser, "#workers-table tbody").contains("running"));

      browser.click("button[data-tab=charts]");
      await(
          "the charts",
          () -> {
            control.recordTraffic(5, 0);
            JsonNode points =
                browser.script(
                    "const c = document.getElementById('chart-rps');"
                        + " return c && c.querySelector('canvas') ?"
                        + " Number(c.getAttribute('data-points')) : 0;");
            return points.asInt() >= 2;
          });
      browser.screenshot(Path.of("target", "browser", "web-ui.png"));

      browser.click("#stop");
      await("the stop", () -> control.stops() == 1 && text(browser, "#state").equals("stopped"));
    }
  }

  @Test
  void aPageOnAnotherSiteCannotStartOrStopATest() throws Exception {
    HttpServer otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try (WebServer server = WebServer.start(WebSettings.of("127.0.0.1", 0), control);
        WebDriverSession browser = WebDriverSession.start()) {
      String attack =
          "<!DOCTYPE html><title>loading</title><script>"
              + "const target = '"
              + server.uri()
              + "';"
              + "Promise.allSettled(["
              + " fetch(target + 'swarm', {method: 'POST', mode: 'no-cors',"
              + "  body: new URLSearchParams({user_count: '50', spawn_rate: '50'})}),"
              + " fetch(target + 'stop', {mode: 'no-cors'})"
              + "]).then(() => { document.title = 'sent'; });"
              + "</script>";
      otherSite.createContext(
          "/",
          exchange -> {
            byte[] body = attack.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      otherSite.start();
      browser.open(URI.create("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/"));
      await(
          "the cross-site requests",
          () -> browser.script("return document.title;").asText().equals("sent"));
      assertThat(control.starts()).isEmpty();
      assertThat(control.stops()).isZero();
    } finally {
      otherSite.stop(0);
    }
  }

  private static String text(WebDriverSession browser, String css) throws Exception {
    return browser.script("return document.querySelector('" + css + "').innerText;").asText();
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.onSpinWait();
    }
  }
}
