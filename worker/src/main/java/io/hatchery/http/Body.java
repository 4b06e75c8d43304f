package io.hatchery.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * A request body with its {@code Content-Type}: requests' {@code json=}, {@code data=dict} and
 * {@code data=bytes}. Immutable and safe to share: build constant bodies once (for example in a
 * {@code static final} field) and send them from every user without copying.
 *
 * <pre>{@code
 * client.post("/login", Body.json("{\"username\":\"foo\",\"password\":\"bar\"}"));
 * client.post("/cart", Body.json(Map.of("item", 42)));          // Jackson
 * client.post("/search", Body.form(Map.of("q", "red shoes")));   // q=red+shoes
 * client.put("/blob", Body.bytes(data, "application/octet-stream"));
 * }</pre>
 */
public final class Body {

  private static final ContentType JSON = ContentType.create("application/json");
  private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded");
  private static final ContentType TEXT = ContentType.create("text/plain", StandardCharsets.UTF_8);

  private final HttpEntity entity;

  private Body(byte[] bytes, ContentType contentType) {
    this.entity = new ByteArrayEntity(bytes, contentType);
  }

  /** A JSON document given as text, sent as UTF-8 with {@code Content-Type: application/json}. */
  public static Body json(String json) {
    return new Body(json.getBytes(StandardCharsets.UTF_8), JSON);
  }

  /**
   * {@code value} serialized by Jackson (maps, lists, records, beans), sent with {@code
   * Content-Type: application/json}, like requests' {@code json=value}.
   *
   * @throws IllegalArgumentException when Jackson cannot serialize {@code value}
   */
  public static Body json(Object value) {
    try {
      return new Body(JsonBodies.MAPPER.writeValueAsBytes(value), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * An HTML form, {@code application/x-www-form-urlencoded}, fields in the map's iteration order
   * (use a {@code LinkedHashMap} to fix it); values are written with {@code String.valueOf}.
   */
  public static Body form(Map<String, ?> fields) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      if (!text.isEmpty()) {
        text.append('&');
      }
      text.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(String.valueOf(field.getValue()), StandardCharsets.UTF_8));
    }
    return new Body(text.toString().getBytes(StandardCharsets.US_ASCII), FORM);
  }

  /** Text sent as UTF-8 with {@code Content-Type: text/plain; charset=UTF-8}. */
  public static Body text(String text) {
    return new Body(text.getBytes(StandardCharsets.UTF_8), TEXT);
  }

  /** Text sent as UTF-8 with the given {@code Content-Type} (e.g. {@code "application/xml"}). */
  public static Body text(String text, String contentType) {
    return new Body(text.getBytes(StandardCharsets.UTF_8), ContentType.parse(contentType));
  }

  /** Raw bytes without a {@code Content-Type} (requests' {@code data=b"..."}); not copied. */
  public static Body bytes(byte[] bytes) {
    return new Body(Objects.requireNonNull(bytes, "bytes"), null);
  }

  /** Raw bytes with the given {@code Content-Type}; not copied, so do not change them later. */
  public static Body bytes(byte[] bytes, String contentType) {
    return new Body(Objects.requireNonNull(bytes, "bytes"), ContentType.parse(contentType));
  }

  /** The repeatable entity HttpClient sends; shared by every request that sends this body. */
  HttpEntity entity() {
    return entity;
  }
}
