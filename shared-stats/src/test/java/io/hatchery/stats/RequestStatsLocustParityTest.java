package io.hatchery.stats;

import static io.hatchery.stats.Fixtures.dbl;
import static io.hatchery.stats.Fixtures.list;
import static io.hatchery.stats.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.stats.wire.StatsReportMaps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the worker reports of master-merge.txt to {@link RequestStats} at the times a real Locust
 * 2.12.1 master ({@code worker_report} listener, {@code StatsEntry.extend}) received them, and
 * compares every derived figure that master computed at the query times: counts, average, median,
 * the reported percentiles, current and total RPS and failures per second, current percentiles.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestStatsLocustParityTest {

  @Test
  void mergedFiguresEqualPythonMastersAtEveryQuery() throws Exception {
    List<Object> scenarios = Fixtures.values("master-merge.txt");
    assertThat(scenarios).hasSize(3);
    for (Object s : scenarios) {
      Map<Object, Object> scenario = map(s);
      ManualClock clock = ManualClock.atEpochSeconds(dbl(scenario.get("created_at")));
      RequestStats stats = new RequestStats(clock);
      List<Object> reports = new ArrayList<>(list(scenario.get("reports")));
      reports.sort(Comparator.comparingDouble(r -> dbl(map(r).get("at"))));
      List<Object> queries = list(scenario.get("queries"));
      int next = 0;
      for (Object r : reports) {
        double at = dbl(map(r).get("at"));
        while (next < queries.size() && dbl(map(queries.get(next)).get("at")) < at) {
          check(scenario.get("scenario"), clock, stats, map(queries.get(next++)));
        }
        clock.setEpochSeconds(at);
        stats.merge(StatsReportMaps.fromMap(map(map(r).get("data")), at));
      }
      while (next < queries.size()) {
        check(scenario.get("scenario"), clock, stats, map(queries.get(next++)));
      }
    }
  }

  private static void check(
      Object scenario, ManualClock clock, RequestStats stats, Map<Object, Object> query) {
    double at = dbl(query.get("at"));
    clock.setEpochSeconds(at);
    String where = scenario + " at " + at;
    List<Object> expectedEntries = list(query.get("entries"));
    assertThat(stats.entries()).as(where).hasSize(expectedEntries.size());
    for (Object e : expectedEntries) {
      Map<Object, Object> expected = map(e);
      StatsEntry entry =
          stats.find((String) expected.get("name"), (String) expected.get("method")).orElseThrow();
      assertThat(describe(stats, entry)).as(where + " " + expected.get("name")).isEqualTo(expected);
    }
    assertThat(describe(stats, stats.total()))
        .as(where + " total")
        .isEqualTo(map(query.get("total")));
    Map<Object, Object> errors = new LinkedHashMap<>();
    stats
        .errors()
        .forEach(
            (k, v) -> errors.put(k, List.of(v.name(), v.method(), v.error(), v.occurrences())));
    assertThat(errors).as(where + " errors").isEqualTo(map(query.get("errors")));
  }

  /** The same keys and value types as describe() in gen_locust_fixtures.py. */
  private static Map<Object, Object> describe(RequestStats stats, StatsEntry entry) {
    StatsEntry total = stats.total();
    Map<Object, Object> d = new LinkedHashMap<>();
    d.put("name", entry.name());
    d.put("method", entry.method());
    d.put("num_requests", entry.numRequests());
    d.put("num_none_requests", entry.numNoneRequests());
    d.put("num_failures", entry.numFailures());
    d.put("total_response_time", entry.totalResponseTimeMillis());
    d.put("min_response_time", boxed(entry.minResponseTimeMillis()));
    d.put("max_response_time", entry.maxResponseTimeMillis());
    d.put("avg_response_time", entry.avgResponseTime());
    d.put("median_response_time", entry.medianResponseTime());
    d.put(
        "percentiles",
        Percentiles.TO_REPORT.stream()
            .map(p -> (Object) entry.bucketResponseTimePercentile(p))
            .toList());
    d.put("current_rps", entry.currentRps(total));
    d.put("current_fail_per_sec", entry.currentFailPerSec(total));
    d.put("total_rps", entry.totalRps(total));
    d.put("total_fail_per_sec", entry.totalFailPerSec(total));
    d.put("avg_content_length", entry.avgContentLength());
    d.put("fail_ratio", entry.failRatio());
    List<Object> current = new ArrayList<>();
    for (double p : new double[] {0.5, 0.95, 1.0}) {
      OptionalLong v = stats.currentResponseTimePercentile(entry, p);
      current.add(v.isPresent() ? (Object) v.getAsLong() : null);
    }
    d.put("current_percentiles", current);
    d.put("start_time", entry.startEpochSeconds());
    d.put("last_request_timestamp", boxed(entry.lastRequestEpochSeconds()));
    return d;
  }

  private static Double boxed(java.util.OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
