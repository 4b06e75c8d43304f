package io.hatchery.protocol.payload;

/**
 * The map keys of Locust's message payloads, each spelled once; shared by the payload records
 * because several messages use the same key ({@code user_classes_count} appears in spawn,
 * spawning_complete and stats).
 *
 * <p>Keys of the stats entries themselves ({@code name}, {@code num_requests}, ...) belong to
 * shared-stats, which converts the entry maps.
 */
public final class PayloadKeys {
  /** spawn (2.x): master {@code time.time()}, float epoch seconds. */
  public static final String TIMESTAMP = "timestamp";

  /** spawn, spawning_complete, stats (2.x): class name to user count. */
  public static final String USER_CLASSES_COUNT = "user_classes_count";

  /** spawn, hatch: target host, str or nil. */
  public static final String HOST = "host";

  /** spawn, hatch: seconds to let users finish on stop, int, float or nil. */
  public static final String STOP_TIMEOUT = "stop_timeout";

  /** spawn (2.2+): the master's command-line options. */
  public static final String PARSED_OPTIONS = "parsed_options";

  /** spawning_complete (2.x), stats: total user count. */
  public static final String USER_COUNT = "user_count";

  /** hatch_complete, spawning_complete (1.x, Boomer, Locust4j), heartbeat (1.4.4–1.6): users. */
  public static final String COUNT = "count";

  /** ack (2.11+): the worker's 0-based index. */
  public static final String INDEX = "index";

  /** heartbeat: the worker state, see {@link WorkerState}. */
  public static final String STATE = "state";

  /** heartbeat (0.14+): CPU percent, may exceed 100 on several cores. */
  public static final String CURRENT_CPU_USAGE = "current_cpu_usage";

  /** heartbeat (2.4.2+): resident memory in bytes. */
  public static final String CURRENT_MEMORY_USAGE = "current_memory_usage";

  /** stats: list of per-(name, method) entry maps. */
  public static final String STATS = "stats";

  /** stats: the aggregate entry map. */
  public static final String STATS_TOTAL = "stats_total";

  /** stats: error key to error entry map. */
  public static final String ERRORS = "errors";

  /** exception: the exception text. */
  public static final String MSG = "msg";

  /** exception: the formatted traceback. */
  public static final String TRACEBACK = "traceback";

  /** hatch (up to 1.1): users started per second, per worker. */
  public static final String HATCH_RATE = "hatch_rate";

  /** spawn (1.2–1.6): users started per second, per worker. */
  public static final String SPAWN_RATE = "spawn_rate";

  /** hatch (0.x): users for this worker. */
  public static final String NUM_CLIENTS = "num_clients";

  /** hatch (1.0–1.1), spawn (1.2–1.6): users for this worker. */
  public static final String NUM_USERS = "num_users";

  private PayloadKeys() {}
}
