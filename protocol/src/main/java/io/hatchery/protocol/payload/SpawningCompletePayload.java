package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.USER_CLASSES_COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.USER_COUNT;

import io.hatchery.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data of {@code spawning_complete} (and of the 1.x {@code hatch_complete}): how many users a
 * worker runs after a spawn, or (2.29+, M→W) how many the whole ramp-up reached.
 *
 * <p>Four shapes exist, kept in {@link #shape()} so re-encoding reproduces the sender's keys. A
 * Python 2.x master only reads {@code user_classes_count} (mandatory there). Immutable.
 *
 * @param shape which keys the sender used
 * @param userClassesCount class name to user count, or {@code null} for shapes without it
 * @param userCount total users
 */
public record SpawningCompletePayload(
    Shape shape, Map<String, Long> userClassesCount, long userCount) {

  /** The key sets seen on the wire. */
  public enum Shape {
    /** Python 2.x worker: {@code {"user_classes_count", "user_count"}}. */
    LOCUST_2,
    /** Boomer and Locust4j 2.x: {@code {"count", "user_classes_count"}} (classes echoed). */
    COUNT_AND_CLASSES,
    /** Locust 0.x/1.x, Boomer v1.6.0, Locust4j 1.x: {@code {"count"}}. */
    COUNT_ONLY,
    /** Python 2.29+ master to workers when a ramp-up ends: {@code {"user_count"}}. */
    MASTER_USER_COUNT
  }

  public SpawningCompletePayload {
    Objects.requireNonNull(shape, "shape");
    boolean hasClasses = shape == Shape.LOCUST_2 || shape == Shape.COUNT_AND_CLASSES;
    if (hasClasses != (userClassesCount != null)) {
      throw new IllegalArgumentException(shape + " and userClassesCount " + userClassesCount);
    }
    userClassesCount = userClassesCount == null ? null : Payloads.frozen(userClassesCount);
  }

  /** Returns the Python 2.x worker form, with the user count summed from the classes. */
  public static SpawningCompletePayload of(Map<String, Long> userClassesCount) {
    long total = userClassesCount.values().stream().mapToLong(Long::longValue).sum();
    return new SpawningCompletePayload(Shape.LOCUST_2, userClassesCount, total);
  }

  /** Parses any of the four shapes; a map with neither count key is rejected. */
  public static SpawningCompletePayload from(Object data) throws ProtocolException {
    Map<?, ?> map = Payloads.map(data, "spawning_complete data");
    Object classes = map.get(USER_CLASSES_COUNT);
    Map<String, Long> counts =
        classes == null ? null : Payloads.counts(classes, "spawning_complete user_classes_count");
    if (map.get(USER_COUNT) != null) {
      long total = Payloads.integer(map.get(USER_COUNT), "spawning_complete user_count");
      return new SpawningCompletePayload(
          counts == null ? Shape.MASTER_USER_COUNT : Shape.LOCUST_2, counts, total);
    }
    if (map.get(COUNT) != null) {
      long total = Payloads.integer(map.get(COUNT), "spawning_complete count");
      return new SpawningCompletePayload(
          counts == null ? Shape.COUNT_ONLY : Shape.COUNT_AND_CLASSES, counts, total);
    }
    if (counts != null) {
      // A 2.x master derives the total from the classes; do the same.
      return of(counts);
    }
    throw new ProtocolException(
        "spawning_complete data needs user_classes_count, user_count or count: " + map.keySet());
  }

  /** Returns the data map with the keys and order of {@link #shape()}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(4);
    switch (shape) {
      case LOCUST_2 -> {
        map.put(USER_CLASSES_COUNT, userClassesCount);
        map.put(USER_COUNT, userCount);
      }
      case COUNT_AND_CLASSES -> {
        map.put(COUNT, userCount);
        map.put(USER_CLASSES_COUNT, userClassesCount);
      }
      case COUNT_ONLY -> map.put(COUNT, userCount);
      case MASTER_USER_COUNT -> map.put(USER_COUNT, userCount);
    }
    return map;
  }

  /** Returns {@link #toMap()}. */
  public Object toData() {
    return toMap();
  }
}
