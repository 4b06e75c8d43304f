package io.hatchery.stats;

import static io.hatchery.stats.Fixtures.dbl;
import static io.hatchery.stats.Fixtures.list;
import static io.hatchery.stats.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hatchery.stats.wire.MalformedStatsException;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replays the request streams of worker-reports.txt into a {@link StatsRecorder} and compares every
 * snapshot with the report a real Locust 2.12.1 worker ({@code RequestStats.log_request}, {@code
 * log_error}, {@code report_to_master}) produced for the same stream at the same times.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatsRecorderLocustParityTest {

  @Test
  void snapshotsEqualPythonWorkerReportsForTheSameStreams() throws Exception {
    List<Object> scenarios = Fixtures.values("worker-reports.txt");
    assertThat(scenarios).hasSize(4);
    int compared = 0;
    for (Object s : scenarios) {
      Map<Object, Object> scenario = map(s);
      ManualClock clock = ManualClock.atEpochSeconds(dbl(scenario.get("created_at")));
      StatsRecorder recorder = new StatsRecorder(clock);
      List<Object> reports = list(scenario.get("reports"));
      int next = 0;
      for (Object e : list(scenario.get("events"))) {
        List<Object> event = list(e);
        double at = dbl(event.get(0));
        while (next < reports.size() && dbl(map(reports.get(next)).get("at")) <= at) {
          compare(scenario.get("scenario"), clock, recorder, map(reports.get(next++)));
          compared++;
        }
        clock.setEpochSeconds(at);
        record(recorder, event);
      }
      while (next < reports.size()) {
        compare(scenario.get("scenario"), clock, recorder, map(reports.get(next++)));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(44);
  }

  private static void record(StatsRecorder recorder, List<Object> event) {
    String name = (String) event.get(1);
    String method = (String) event.get(2);
    double millis = dbl(event.get(3));
    long length = (Long) event.get(4);
    if (event.get(5) == null) {
      recorder.record(name, method, millis, length);
    } else {
      List<Object> spec = list(event.get(5));
      String text =
          spec.get(0).equals("message")
              ? ErrorTexts.ofMessage((String) spec.get(1))
              : ErrorTexts.ofException((String) spec.get(1), (String) spec.get(2));
      recorder.recordFailure(name, method, millis, length, text);
    }
  }

  private static void compare(
      Object scenario, ManualClock clock, StatsRecorder recorder, Map<Object, Object> python)
      throws MalformedStatsException {
    double at = dbl(python.get("at"));
    clock.setEpochSeconds(at);
    StatsReport ours = recorder.snapshot();
    StatsReport theirs = StatsReportMaps.fromMap(map(python.get("data")), at);
    String where = scenario + " at " + at;

    Map<EntryKey, EntryReport> ourEntries = new HashMap<>();
    for (EntryReport r : ours.stats()) {
      assertThat(r.histogram()).as(where).isNotNull();
      assertThat(r.histogram().totalCount()).as(where).isEqualTo(r.timedRequests());
      ourEntries.put(new EntryKey(r.name(), r.method()), withoutHistogram(r));
    }
    assertThat(ourEntries).as(where).hasSize(theirs.stats().size());
    for (EntryReport r : theirs.stats()) {
      assertThat(ourEntries.get(new EntryKey(r.name(), r.method()))).as(where).isEqualTo(r);
    }
    // The total is the sum of the entries' sums, Python's a running sum in request order: the
    // float total differs in the last bits. Python's worker total has method None until the
    // first clear_all (spawn); ours is always "" as after it.
    assertThat(ours.total().totalResponseTimeMillis())
        .as(where + " total time")
        .isCloseTo(theirs.total().totalResponseTimeMillis(), within(1e-9));
    assertThat(ours.total().method()).isEmpty();
    assertThat(comparable(ours.total())).as(where + " total").isEqualTo(comparable(theirs.total()));
    assertThat(ours.errors()).as(where + " errors").isEqualTo(theirs.errors());

    Map<Object, Object> pythonTotal = map(map(python.get("data")).get("stats_total"));
    assertThat(StatsEntryMaps.toMap(ours.total()).keySet())
        .as("wire keys in Locust's order")
        .startsWith(pythonTotal.keySet().stream().map(String.class::cast).toArray(String[]::new));
  }

  private static EntryReport comparable(EntryReport r) {
    return new EntryReport(
        r.name(),
        "",
        r.lastRequestEpochSeconds(),
        r.startEpochSeconds(),
        r.numRequests(),
        r.numNoneRequests(),
        r.numFailures(),
        0,
        r.maxResponseTimeMillis(),
        r.minResponseTimeMillis(),
        r.totalContentLengthBytes(),
        r.responseTimes(),
        r.numReqsPerSec(),
        r.numFailPerSec(),
        null);
  }

  static EntryReport withoutHistogram(EntryReport r) {
    return new EntryReport(
        r.name(),
        r.method(),
        r.lastRequestEpochSeconds(),
        r.startEpochSeconds(),
        r.numRequests(),
        r.numNoneRequests(),
        r.numFailures(),
        r.totalResponseTimeMillis(),
        r.maxResponseTimeMillis(),
        r.minResponseTimeMillis(),
        r.totalContentLengthBytes(),
        r.responseTimes(),
        r.numReqsPerSec(),
        r.numFailPerSec(),
        null);
  }
}
