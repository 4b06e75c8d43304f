package io.hatchery.worker.runtime;

import io.hatchery.Runner;
import io.hatchery.stats.StatsRecorder;
import java.util.Map;

/**
 * The seam between the worker runtime (the protocol side: messages, heartbeats, reports) and the
 * scenario engine (user classes, events, statistics). The engine implements it; the runtime calls
 * it from its control thread only.
 */
public interface ScenarioBridge {

  /**
   * Connects the engine to its runner; called once, before any other method. {@code userErrors}
   * receives every unhandled exception of a user.
   */
  void bind(Runner runner, UserErrorListener userErrors);

  /** The users this worker runs. */
  UserPool users();

  /** Where every request of this worker is recorded; the runtime snapshots it every report. */
  StatsRecorder stats();

  /**
   * Sets the host users send requests to, from a master's {@code spawn} that names one (Locust's
   * {@code environment.host}). Called before the users of that spawn start. The default ignores it.
   */
  default void setHost(String host) {}

  /** Fires the test start event (a worker's first {@code spawn} after ready or stopped). */
  void fireTestStart();

  /** Fires the test stop event (after {@code stop} has stopped every user). */
  void fireTestStop();

  /** Fires the spawning complete event with the worker's user count. */
  void fireSpawningComplete(int userCount);

  /**
   * Fires Locust's {@code report_to_master} event: listeners may add keys to {@code data}, the
   * stats payload about to be sent. Keys the runtime already put there must not be removed.
   */
  void fireReportToMaster(Map<String, Object> data);

  /** Fires the quitting event, before the process exits. */
  void fireQuitting();

  /** Delivers a custom message from the master to the listener registered for its type. */
  void fireCustomMessage(String type, Object data, String nodeId);
}
