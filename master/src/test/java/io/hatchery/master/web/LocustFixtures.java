package io.hatchery.master.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the Locust 2.12.1 recordings beside {@code record.sh} and compares JSON shapes. */
final class LocustFixtures {

  private LocustFixtures() {}

  static JsonNode json(String file) {
    String path = "io/hatchery/master/web/locust-2.12.1/" + file;
    try (InputStream in = LocustFixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return WebJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lists every key path of a JSON value ({@code stats[].num_requests}), arrays described by the
   * union of their elements' paths; values and their count are ignored.
   */
  static TreeSet<String> keyPaths(JsonNode node) {
    TreeSet<String> paths = new TreeSet<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        paths.add(path);
        collect(field.getValue(), path, paths);
      }
    } else if (node.isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      node.forEach(elements::add);
      for (JsonNode element : elements) {
        collect(element, prefix + "[]", paths);
      }
    }
  }
}
