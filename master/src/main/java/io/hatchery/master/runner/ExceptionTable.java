package io.hatchery.master.runner;

import io.hatchery.master.control.ExceptionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exceptions reported by workers, grouped by traceback with a count, the first message and the
 * reporting nodes. Mirrors {@code MasterRunner.exceptions} in locust/runners.py (2.12.1 keys by
 * {@code hash(traceback)}; we key by the traceback text itself).
 *
 * <p>Bounded: at most {@link #MAX_DISTINCT} distinct tracebacks (further new ones are dropped and
 * counted in {@link #dropped()}), and at most {@link #MAX_NODES} nodes per traceback. Not
 * thread-safe: owned by the control thread.
 */
final class ExceptionTable {
  static final int MAX_DISTINCT = 1000;
  static final int MAX_NODES = 1000;

  private static final class Row {
    final String message;
    final String traceback;
    final Set<String> nodes = new LinkedHashSet<>();
    int count;

    Row(String message, String traceback) {
      this.message = message;
      this.traceback = traceback;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();
  private long dropped;
  private long total;

  /** Adds one occurrence. */
  void add(String nodeId, String message, String traceback) {
    total++;
    Row row = rows.get(traceback);
    if (row == null) {
      if (rows.size() >= MAX_DISTINCT) {
        dropped++;
        return;
      }
      row = new Row(message, traceback);
      rows.put(traceback, row);
    }
    row.count++;
    if (row.nodes.size() < MAX_NODES) {
      row.nodes.add(nodeId);
    }
  }

  /** Occurrences ever added since the last clear, including dropped ones. */
  long total() {
    return total;
  }

  long dropped() {
    return dropped;
  }

  void clear() {
    rows.clear();
    dropped = 0;
    total = 0;
  }

  /** Immutable views in first-seen order. */
  List<ExceptionView> views() {
    List<ExceptionView> views = new ArrayList<>(rows.size());
    for (Row row : rows.values()) {
      views.add(new ExceptionView(row.count, row.message, row.traceback, row.nodes));
    }
    return views;
  }
}
