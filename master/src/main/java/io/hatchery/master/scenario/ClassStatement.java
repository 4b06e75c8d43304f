package io.hatchery.master.scenario;

import java.util.List;
import java.util.Map;

/**
 * A top-level {@code class} statement as read from the source: its name, its bases as written, and
 * the class-level assignments the reader cares about. Immutable.
 *
 * @param name the class name
 * @param line the line of the {@code class} keyword
 * @param bases each base as a dotted name ({@code HttpUser}, {@code locust.HttpUser}); a base that
 *     is not a dotted name is kept as its source text prefixed with {@code "?"}
 * @param attributes {@code weight}, {@code fixed_count} and {@code abstract} as assigned directly
 *     in the class body (the last assignment wins), each as the tokens of its value
 */
record ClassStatement(
    String name, int line, List<String> bases, Map<String, List<PythonToken>> attributes) {
  ClassStatement {
    bases = List.copyOf(bases);
    attributes = Map.copyOf(attributes);
  }
}
