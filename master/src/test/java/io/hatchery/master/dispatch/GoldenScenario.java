package io.hatchery.master.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario recorded from Locust 2.12.1's {@code UsersDispatcher} by {@code
 * src/test/python/dispatch_golden.py}: the dispatcher's inputs and the actions and observed
 * iterations, in order.
 */
record GoldenScenario(
    String name, List<String> workers, List<UserClassSpec> userClasses, List<JsonNode> events) {

  /** Hand-written scenarios. */
  static final String SCENARIOS = "/dispatch/2.12.1/scenarios.json";

  /** Seeded random scenarios (those on which 2.12.1 hangs are left out by the script). */
  static final String RANDOM_SCENARIOS = "/dispatch/2.12.1/random-scenarios.json";

  static List<GoldenScenario> load(String resource) {
    try (InputStream in = GoldenScenario.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      List<GoldenScenario> scenarios = new ArrayList<>();
      for (JsonNode scenario : root.get("scenarios")) {
        scenarios.add(parse(scenario));
      }
      return scenarios;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GoldenScenario parse(JsonNode scenario) {
    List<String> workers = new ArrayList<>();
    scenario.get("workers").forEach(worker -> workers.add(worker.asText()));
    List<UserClassSpec> classes = new ArrayList<>();
    for (JsonNode userClass : scenario.get("userClasses")) {
      classes.add(
          new UserClassSpec(
              userClass.get("name").asText(),
              userClass.get("weight").asDouble(),
              userClass.get("fixedCount").asLong()));
    }
    List<JsonNode> events = new ArrayList<>();
    scenario.get("events").forEach(events::add);
    return new GoldenScenario(scenario.get("name").asText(), workers, classes, events);
  }

  /** The {@code users} of a {@code next} event: worker id to (class name to count). */
  static Map<String, Map<String, Long>> users(JsonNode event) {
    Map<String, Map<String, Long>> users = new LinkedHashMap<>();
    event
        .get("users")
        .properties()
        .forEach(
            worker -> {
              Map<String, Long> counts = new LinkedHashMap<>();
              worker
                  .getValue()
                  .properties()
                  .forEach(c -> counts.put(c.getKey(), c.getValue().asLong()));
              users.put(worker.getKey(), counts);
            });
    return users;
  }

  @Override
  public String toString() {
    return name;
  }
}
