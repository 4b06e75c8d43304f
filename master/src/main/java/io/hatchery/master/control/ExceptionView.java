package io.hatchery.master.control;

import java.util.Set;

/**
 * One distinct exception reported by workers, aggregated as Locust's {@code runner.exceptions}:
 * keyed by its traceback, with how often it occurred and on which nodes. Immutable.
 *
 * @param count occurrences across all workers
 * @param message the exception message of its first occurrence
 * @param traceback the stack trace text
 * @param nodes the node ids that reported it
 */
public record ExceptionView(int count, String message, String traceback, Set<String> nodes) {

  public ExceptionView {
    nodes = Set.copyOf(nodes);
  }
}
