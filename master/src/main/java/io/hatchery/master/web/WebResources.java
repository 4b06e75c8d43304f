package io.hatchery.master.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's files on the classpath: {@code io/hatchery/master/web/static/*} and the chart library
 * from its WebJar (its versioned path comes from the filtered {@code webjars.properties}).
 * Stateless.
 */
final class WebResources {

  static final String STATIC_DIR = "io/hatchery/master/web/static/";
  static final String CHART_LIBRARY = "echarts.min.js";

  private WebResources() {}

  /**
   * Returns a static file's bytes, or empty for an unknown or unsafe name.
   *
   * @param name a file name under {@code /static/}, e.g. {@code app.js}
   */
  static Optional<byte[]> file(String name) {
    if (name.isEmpty() || name.contains("..") || name.contains("/") || name.contains("\\")) {
      return Optional.empty();
    }
    String path = name.equals(CHART_LIBRARY) ? chartLibraryPath() : STATIC_DIR + name;
    return read(path);
  }

  /** Returns a static file as text; throws if it is missing from the jar (a build error). */
  static String text(String name) {
    return new String(
        file(name).orElseThrow(() -> new IllegalStateException("missing resource " + name)),
        StandardCharsets.UTF_8);
  }

  /** The Content-Type of a static file by its extension. */
  static String contentType(String name) {
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  private static String chartLibraryPath() {
    Properties properties = new Properties();
    try (InputStream in = resource("io/hatchery/master/web/webjars.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("echarts");
  }

  private static Optional<byte[]> read(String path) {
    try (InputStream in = resource(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) {
    return WebResources.class.getClassLoader().getResourceAsStream(path);
  }
}
