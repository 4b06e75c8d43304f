package io.hatchery;

import java.util.Map;

/**
 * The events of one {@link Environment} (Locust's {@code environment.events}), each a typed {@link
 * EventHook}:
 *
 * <pre>{@code
 * Events events = environment().events();
 * events.request().add(e -> log(e.name(), e.responseTimeMillis()));
 * events.testStart().add(env -> prepare());
 * events.reportToMaster().add(data -> data.put("cache_hits", hits.sum()));
 * }</pre>
 *
 * <p>Thread-safety: every hook is safe for concurrent use. Which thread fires each event is stated
 * on its accessor.
 */
public final class Events {

  private final EventHook<RequestEvent> request = new EventHook<>("request");
  private final EventHook<UserErrorEvent> userError = new EventHook<>("user_error");
  private final EventHook<Environment> init = new EventHook<>("init");
  private final EventHook<Environment> testStart = new EventHook<>("test_start");
  private final EventHook<Environment> testStop = new EventHook<>("test_stop");
  private final EventHook<Integer> spawningComplete = new EventHook<>("spawning_complete");
  private final EventHook<Environment> quitting = new EventHook<>("quitting");
  private final EventHook<Map<String, Object>> reportToMaster = new EventHook<>("report_to_master");
  private final EventHook<WorkerReportEvent> workerReport = new EventHook<>("worker_report");

  /**
   * Every finished request (Locust's {@code request}); fired on the requesting user's thread. The
   * engine registers the listener that records into the worker's statistics.
   */
  public EventHook<RequestEvent> request() {
    return request;
  }

  /** Unhandled exceptions of users (Locust's {@code user_error}); fired on the user's thread. */
  public EventHook<UserErrorEvent> userError() {
    return userError;
  }

  /** Once, after the scenario is loaded and before the runner starts (Locust's {@code init}). */
  public EventHook<Environment> init() {
    return init;
  }

  /** When a test starts (Locust's {@code test_start}; 0.x {@code setup}). */
  public EventHook<Environment> testStart() {
    return testStart;
  }

  /** When a test has stopped (Locust's {@code test_stop}; 0.x {@code teardown}). */
  public EventHook<Environment> testStop() {
    return testStop;
  }

  /**
   * When every user of a spawn is running, with this process's user count (Locust's {@code
   * spawning_complete}; 0.x {@code hatch_complete}).
   */
  public EventHook<Integer> spawningComplete() {
    return spawningComplete;
  }

  /** Before the process exits (Locust's {@code quitting}). */
  public EventHook<Environment> quitting() {
    return quitting;
  }

  /**
   * Before each stats report leaves a worker, with the payload map about to be sent (Locust's
   * {@code report_to_master}). Listeners may add keys; they must not remove keys already there.
   * Values must be encodable by the protocol codec (null, Boolean, numbers, String, byte[], List,
   * Map). Fired on the worker runtime's thread.
   */
  public EventHook<Map<String, Object>> reportToMaster() {
    return reportToMaster;
  }

  /** On the master, for each worker report received (Locust's {@code worker_report}). */
  public EventHook<WorkerReportEvent> workerReport() {
    return workerReport;
  }
}
