package io.hatchery.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics part of a worker's {@code stats} message: the entries with activity since the
 * previous report, the worker's total, and its error table keyed by {@link ErrorKeys#key}. The
 * caller adds {@code user_classes_count} and {@code user_count}.
 *
 * <p>Thread-safety: immutable (the lists and maps are copied unmodifiable).
 */
public record StatsReport(
    List<EntryReport> stats, EntryReport total, Map<String, StatsError> errors) {

  /** Copies the collections. */
  public StatsReport {
    stats = List.copyOf(stats);
    Objects.requireNonNull(total, "total");
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }
}
