package io.hatchery.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Loads the Locust 2.12.1 reference fixtures in src/test/resources/locust-2.12.1 (see the README
 * there for how they were produced).
 */
public final class Fixtures {

  private Fixtures() {}

  public static List<String> lines(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/locust-2.12.1/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each line of {@code name} parsed with {@link WireNotation}. */
  public static List<Object> values(String name) {
    return lines(name).stream().map(WireNotation::parse).toList();
  }

  @SuppressWarnings("unchecked")
  public static Map<Object, Object> map(Object value) {
    return (Map<Object, Object>) value;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  public static double dbl(Object value) {
    return ((Number) value).doubleValue();
  }
}
