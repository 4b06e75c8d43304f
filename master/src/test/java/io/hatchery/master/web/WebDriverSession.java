package io.hatchery.master.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the W3C WebDriver protocol by talking to Debian's {@code
 * chromedriver} directly (JDK HttpClient + Jackson, no Selenium). Starts its own chromedriver on a
 * free port and kills exactly that process on close. Fails (never skips) when chromium or
 * chromedriver is missing.
 */
final class WebDriverSession implements AutoCloseable {

  static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final Pattern STARTED = Pattern.compile("started successfully on port (\\d+)");

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI session;

  private WebDriverSession(Process driver, URI session) {
    this.driver = driver;
    this.session = session;
  }

  static WebDriverSession start() throws Exception {
    Path chromedriver = executable("chromedriver");
    Path chromium = executable("chromium");
    Process driver =
        new ProcessBuilder(chromedriver.toString(), "--port=0").redirectErrorStream(true).start();
    try {
      int port = awaitPort(driver);
      URI base = URI.create("http://127.0.0.1:" + port + "/");
      ObjectNode options = WebJson.MAPPER.createObjectNode();
      options.put("binary", chromium.toString());
      ArrayNode args = options.putArray("args");
      List.of(
              "--headless=new",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-dev-shm-usage",
              "--window-size=1400,1000",
              "--no-first-run")
          .forEach(args::add);
      ObjectNode request = WebJson.MAPPER.createObjectNode();
      request.putObject("capabilities").putObject("alwaysMatch").set("goog:chromeOptions", options);
      JsonNode created = call(HttpClient.newHttpClient(), "POST", base.resolve("session"), request);
      String id = created.get("sessionId").asText();
      return new WebDriverSession(driver, base.resolve("session/" + id + "/"));
    } catch (Exception | Error e) {
      driver.destroyForcibly();
      throw e;
    }
  }

  void open(URI page) throws Exception {
    ObjectNode body = WebJson.MAPPER.createObjectNode().put("url", page.toString());
    call("POST", "url", body);
  }

  String find(String css) throws Exception {
    ObjectNode body =
        WebJson.MAPPER.createObjectNode().put("using", "css selector").put("value", css);
    JsonNode element = call("POST", "element", body);
    if (element == null || !element.has(ELEMENT)) {
      throw new IllegalStateException("no element for " + css + ": " + element);
    }
    return element.get(ELEMENT).asText();
  }

  void click(String css) throws Exception {
    call("POST", "element/" + find(css) + "/click", WebJson.MAPPER.createObjectNode());
  }

  void type(String css, String text) throws Exception {
    String element = find(css);
    call("POST", "element/" + element + "/clear", WebJson.MAPPER.createObjectNode());
    call(
        "POST",
        "element/" + element + "/value",
        WebJson.MAPPER.createObjectNode().put("text", text));
  }

  /** Runs a synchronous script; its return value as JSON. */
  JsonNode script(String javascript) throws Exception {
    ObjectNode body = WebJson.MAPPER.createObjectNode().put("script", javascript);
    body.putArray("args");
    return call("POST", "execute/sync", body);
  }

  void screenshot(Path png) throws Exception {
    byte[] image = Base64.getDecoder().decode(call("GET", "screenshot", null).asText());
    Files.createDirectories(png.getParent());
    Files.write(png, image);
  }

  @Override
  public void close() throws IOException {
    // Chromium is chromedriver's child: if the driver dies before the browser has quit, the browser
    // is re-parented and would outlive the test, so its processes are noted now and killed last.
    List<ProcessHandle> browser = driver.descendants().toList();
    try {
      http.send(
          HttpRequest.newBuilder(session).DELETE().timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.discarding());
      driver.destroy();
      if (!driver.waitFor(10, TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      driver.destroyForcibly();
      browser.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  private JsonNode call(String method, String path, JsonNode body) throws Exception {
    return call(http, method, session.resolve(path), body);
  }

  private static JsonNode call(HttpClient http, String method, URI uri, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(WebJson.write(body)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = WebJson.MAPPER.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("WebDriver " + method + " " + uri + ": " + json);
    }
    return json.get("value");
  }

  private static int awaitPort(Process driver) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher matcher = STARTED.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "chromedriver-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalStateException("chromedriver exited before listening:\n" + seen);
  }

  private static Path executable(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        name
            + " not found on PATH: the browser test needs Debian's chromium and chromium-driver"
            + " (apt-get install -y chromium chromium-driver)");
  }
}
