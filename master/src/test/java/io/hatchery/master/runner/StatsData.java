package io.hatchery.master.runner;

import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.wire.StatsReportMaps;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds worker {@code stats} data as a 2.x worker sends it. */
final class StatsData {
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.ofEpochMilli(RunnerHarness.T0_MILLIS));

  private StatsData() {}

  /** {@code count} successful GET requests to {@code name} at 10 ms. */
  static Map<String, Object> requests(String name, int count) {
    return withUsers(recorded(name, count, 0), Map.of("MyUser", 0L));
  }

  /** Requests plus {@code failures} failed ones. */
  static Map<String, Object> withFailures(String name, int count, int failures) {
    return withUsers(recorded(name, count, failures), Map.of("MyUser", 0L));
  }

  static Map<String, Object> withUsers(Map<String, Object> data, Map<String, Long> users) {
    data.put("user_classes_count", new LinkedHashMap<>(users));
    data.put("user_count", users.values().stream().mapToLong(Long::longValue).sum());
    return data;
  }

  private static Map<String, Object> recorded(String name, int count, int failures) {
    StatsRecorder recorder = new StatsRecorder(CLOCK);
    for (int i = 0; i < count; i++) {
      recorder.record(name, "GET", 10, 100);
    }
    for (int i = 0; i < failures; i++) {
      recorder.recordFailure(name, "GET", 10, 0, "HTTPError('500')");
    }
    return new LinkedHashMap<>(StatsReportMaps.toMap(recorder.snapshot()));
  }

  static String totalName() {
    return RequestStats.TOTAL_NAME;
  }
}
