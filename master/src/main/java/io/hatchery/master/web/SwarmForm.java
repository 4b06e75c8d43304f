package io.hatchery.master.web;

import io.hatchery.master.control.SwarmRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Locust's {@code POST /swarm} fields into a {@link SwarmRequest}: {@code user_count} (0.x:
 * {@code locust_count}), {@code spawn_rate} (0.x: {@code hatch_rate}), {@code host} with {@code <}
 * and {@code >} stripped (Locust's XSS guard), {@code run_time} (Locust's time span; blank for
 * none) and repeated {@code user_classes}. Stateless.
 */
final class SwarmForm {

  private SwarmForm() {}

  /**
   * Builds the request.
   *
   * @param fields every field's values in arrival order
   * @throws IllegalArgumentException with a message fit for the page
   */
  static SwarmRequest parse(Map<String, List<String>> fields) {
    String users = first(fields, "user_count").or(() -> first(fields, "locust_count")).orElse(null);
    String rate = first(fields, "spawn_rate").or(() -> first(fields, "hatch_rate")).orElse(null);
    if (users == null || rate == null) {
      throw new IllegalArgumentException("user_count and spawn_rate are required");
    }
    int userCount;
    double spawnRate;
    try {
      userCount = Integer.parseInt(users.trim());
      spawnRate = Double.parseDouble(rate.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "user_count must be an integer and spawn_rate a number: " + e.getMessage());
    }
    Optional<String> host =
        first(fields, "host")
            .map(h -> h.replace("<", "").replace(">", ""))
            .filter(h -> !h.isEmpty());
    Optional<Duration> runTime =
        first(fields, "run_time").filter(t -> !t.isBlank()).map(t -> Timespan.parse(t.trim()));
    List<String> userClasses = new ArrayList<>(fields.getOrDefault("user_classes", List.of()));
    return new SwarmRequest(userCount, spawnRate, host, runTime, userClasses);
  }

  private static Optional<String> first(Map<String, List<String>> fields, String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
