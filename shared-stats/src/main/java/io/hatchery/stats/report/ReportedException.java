package io.hatchery.stats.report;

import java.util.List;

/**
 * One row of {@code _exceptions.csv}: a distinct user exception as the master aggregated it
 * (Locust's {@code runner.exceptions} values). Immutable.
 *
 * @param count occurrences across all workers
 * @param message the exception message
 * @param traceback the stack trace text
 * @param nodes the node ids that reported it, in the order to print them
 */
public record ReportedException(int count, String message, String traceback, List<String> nodes) {
  public ReportedException {
    nodes = List.copyOf(nodes);
  }
}
