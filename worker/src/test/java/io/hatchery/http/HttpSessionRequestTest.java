package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpSessionRequestTest {

  private SessionFixture fixture;

  @BeforeEach
  void start() throws IOException {
    fixture = new SessionFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void everyMethodIsSentAndReportedUnderItsName() {
    fixture.client.get("/r");
    fixture.client.post("/r", null);
    fixture.client.put("/r", Body.text("x"));
    fixture.client.patch("/r", Body.text("x"));
    fixture.client.delete("/r");
    fixture.client.head("/r");
    fixture.client.options("/r");
    fixture.client.request("purge", "/r", null, Request.options());

    assertThat(fixture.target.requests())
        .extracting(r -> r.method())
        .containsExactly("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PURGE");
    assertThat(fixture.reporter.reports())
        .extracting(r -> r.requestType())
        .containsExactly("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "purge");
  }

  @Test
  void jsonTextBodyIsSentWithItsContentType() {
    fixture.client.post("/login", Body.json("{\"username\":\"foo\"}"));

    assertThat(fixture.target.last().bodyText()).isEqualTo("{\"username\":\"foo\"}");
    assertThat(fixture.target.last().header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void jsonObjectBodyIsWrittenByJackson() {
    Map<String, Object> cart = new LinkedHashMap<>();
    cart.put("item", 42);
    cart.put("tags", List.of("a", "b"));

    fixture.client.post("/cart", Body.json(cart));

    assertThat(fixture.target.last().bodyText()).isEqualTo("{\"item\":42,\"tags\":[\"a\",\"b\"]}");
  }

  @Test
  void formBodyIsUrlEncoded() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("q", "red shoes");
    form.put("page", "2&3");

    fixture.client.post("/search", Body.form(form));

    assertThat(fixture.target.last().bodyText()).isEqualTo("q=red+shoes&page=2%263");
    assertThat(fixture.target.last().header("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void bytesBodyIsSentUnchanged() {
    byte[] data = {0, 1, 2, (byte) 0xff};

    fixture.client.put("/blob", Body.bytes(data, "application/octet-stream"));

    assertThat(fixture.target.last().body()).containsExactly(0, 1, 2, 0xff);
    assertThat(fixture.target.last().header("Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  void sessionAndRequestHeadersAreSentRequestWinning() {
    fixture.client.setHeader("X-Tenant", "t1");
    fixture.client.setHeader("X-Trace", "session");

    fixture.client.get("/h", Request.header("X-Trace", "request"));
    fixture.client.removeHeader("X-Tenant");
    fixture.client.get("/h");

    assertThat(fixture.target.requests().get(0).header("X-Tenant")).isEqualTo("t1");
    assertThat(fixture.target.requests().get(0).header("X-Trace")).isEqualTo("request");
    assertThat(fixture.target.requests().get(1).header("X-Tenant")).isNull();
    assertThat(fixture.target.requests().get(1).header("X-Trace")).isEqualTo("session");
  }

  @Test
  void contentLengthIsTheBodyBytesRead() {
    fixture.client.get("/hello");
    fixture.client.head("/hello");

    assertThat(fixture.reporter.reports())
        .extracting(r -> r.responseLengthBytes())
        .containsExactly(5L, 0L);
  }

  @Test
  void gzipBodyIsDecodedAndCountedDecoded() {
    Response response = fixture.client.get("/gzip");

    assertThat(response.text()).isEqualTo("x".repeat(1000));
    assertThat(fixture.reporter.only().responseLengthBytes()).isEqualTo(1000);
  }

  @Test
  void textUsesTheResponseCharset() {
    Response response = fixture.client.get("/latin1");

    assertThat(response.text()).isEqualTo("café");
    assertThat(response.bytes()).isEqualTo("café".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(response.header("content-type")).isEqualTo("text/plain; charset=ISO-8859-1");
  }

  @Test
  void responseTimeCoversTheRequest() {
    Response response = fixture.client.get("/hello");

    double millis = fixture.reporter.only().responseTimeMillis();
    assertThat(millis).isPositive();
    assertThat(response.elapsed().toNanos() / 1e6).isEqualTo(millis);
  }

  @Test
  void credentialsInTheBaseUrlBecomeBasicAuth() {
    String url = fixture.target.baseUrl().replace("http://", "http://user:p%40ss@");
    HttpSession client = new HttpSession(fixture.pool, url, fixture.reporter);

    client.get("/private");

    assertThat(client.baseUrl()).isEqualTo(fixture.target.baseUrl());
    assertThat(fixture.target.last().header("Authorization")).isEqualTo("Basic dXNlcjpwQHNz");
  }

  @Test
  void unsafeCharactersInThePathArePercentEncoded() {
    fixture.client.get("/a b/ü?x=1 2");

    assertThat(fixture.target.last().uri()).isEqualTo("/a%20b/%C3%BC?x=1%202");
  }
}
