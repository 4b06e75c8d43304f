package io.hatchery.master.runner;

import io.hatchery.master.control.MasterSnapshot;
import java.util.Map;

/**
 * Hooks into a master's run: Locust's master-side events ({@code test_start}, {@code
 * spawning_complete}, {@code test_stop}, {@code worker_report}, {@code quitting}) plus each
 * published snapshot. Every method has an empty default.
 *
 * <p>Threading: called on the master's control thread, in order. Implementations must return
 * quickly and must not block (no I/O waits, no joins); calling {@code MasterControl} methods from
 * here is allowed (they are queued).
 */
public interface MasterListener {

  /** A snapshot was published (after changes, at most every snapshot interval). */
  default void snapshotPublished(MasterSnapshot snapshot) {}

  /** A test started from ready or stopped (stats were cleared); Locust's {@code test_start}. */
  default void testStarted() {}

  /**
   * Every worker reached its target (or the wait timed out); Locust's {@code spawning_complete}.
   */
  default void spawningComplete(long userCount) {}

  /** The test stopped; Locust's {@code test_stop} on the master. */
  default void testStopped() {}

  /**
   * A registered worker's {@code stats} data arrived and was merged; Locust's {@code worker_report}
   * event, through which workers ship custom data in their reports. {@code data} is the decoded
   * map: read it, do not keep or modify it.
   */
  default void workerReport(String nodeId, Map<String, Object> data) {}

  /** The master finished quitting; {@code finalSnapshot} holds the final statistics. */
  default void quit(MasterSnapshot finalSnapshot) {}
}
