package io.hatchery.it;

import static io.hatchery.stats.wire.StatsEntryMaps.LAST_REQUEST_TIMESTAMP;
import static io.hatchery.stats.wire.StatsEntryMaps.MAX_RESPONSE_TIME;
import static io.hatchery.stats.wire.StatsEntryMaps.METHOD;
import static io.hatchery.stats.wire.StatsEntryMaps.MIN_RESPONSE_TIME;
import static io.hatchery.stats.wire.StatsEntryMaps.NAME;
import static io.hatchery.stats.wire.StatsEntryMaps.NUM_FAILURES;
import static io.hatchery.stats.wire.StatsEntryMaps.NUM_FAIL_PER_SEC;
import static io.hatchery.stats.wire.StatsEntryMaps.NUM_NONE_REQUESTS;
import static io.hatchery.stats.wire.StatsEntryMaps.NUM_REQS_PER_SEC;
import static io.hatchery.stats.wire.StatsEntryMaps.NUM_REQUESTS;
import static io.hatchery.stats.wire.StatsEntryMaps.RESPONSE_TIMES;
import static io.hatchery.stats.wire.StatsEntryMaps.START_TIME;
import static io.hatchery.stats.wire.StatsEntryMaps.TOTAL_CONTENT_LENGTH;
import static io.hatchery.stats.wire.StatsEntryMaps.TOTAL_RESPONSE_TIME;

import java.util.Map;
import java.util.Set;

/**
 * The key sets of a stats entry map in the generations the interop peers speak (protocol.md §4.2).
 */
public final class EntryKeys {
  /**
   * The name of {@code stats_total} from Locust before 0.12.1, Boomer and Locust4j (Python 2.x says
   * {@code "Aggregated"}; masters ignore it).
   */
  public static final String LEGACY_TOTAL_NAME = "Total";

  /** Locust 0.9 and Locust4j 1.0.0: no {@code num_none_requests}, no {@code num_fail_per_sec}. */
  public static final Set<String> LOCUST_0_9 =
      Set.of(
          NAME,
          METHOD,
          LAST_REQUEST_TIMESTAMP,
          START_TIME,
          NUM_REQUESTS,
          NUM_FAILURES,
          TOTAL_RESPONSE_TIME,
          MAX_RESPONSE_TIME,
          MIN_RESPONSE_TIME,
          TOTAL_CONTENT_LENGTH,
          RESPONSE_TIMES,
          NUM_REQS_PER_SEC);

  /** Locust 0.13 through 2.46 (and Locust4j 1.0.8+, Boomer): the 14 keys. */
  public static final Set<String> LOCUST_2 =
      Set.of(
          NAME,
          METHOD,
          LAST_REQUEST_TIMESTAMP,
          START_TIME,
          NUM_REQUESTS,
          NUM_NONE_REQUESTS,
          NUM_FAILURES,
          TOTAL_RESPONSE_TIME,
          MAX_RESPONSE_TIME,
          MIN_RESPONSE_TIME,
          TOTAL_CONTENT_LENGTH,
          RESPONSE_TIMES,
          NUM_REQS_PER_SEC,
          NUM_FAIL_PER_SEC);

  private EntryKeys() {}

  /** The keys of a decoded map, typed for AssertJ's collection assertions. */
  public static Set<Object> keysOf(Object map) {
    return Set.copyOf(((Map<?, ?>) map).keySet());
  }
}
