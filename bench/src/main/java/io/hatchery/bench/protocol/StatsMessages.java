package io.hatchery.bench.protocol;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a worker's {@code stats} message from a real {@link StatsRecorder}: E entries, entry e
 * with {@code 20 + e % 31} distinct response-time buckets (20&ndash;50), requests spread over three
 * epoch seconds (so {@code num_reqs_per_sec} has three keys), a failure on every tenth entry, and
 * either our {@code hdr_histogram} per entry or, as a Python worker, none and bucket keys typed as
 * Python 2.12.1 sends them (int below 100 ms, float from 100 ms).
 */
final class StatsMessages {

  static final long START_MILLIS = 1_700_000_000_000L;

  private StatsMessages() {}

  static Message stats(int entries, boolean withHistograms) {
    long[] nowMillis = {START_MILLIS};
    StatsRecorder recorder = new StatsRecorder(() -> Instant.ofEpochMilli(nowMillis[0]));
    for (int second = 0; second < 3; second++) {
      nowMillis[0] = START_MILLIS + second * 1000L + 500;
      for (int e = 0; e < entries; e++) {
        String name = "/api/v1/endpoint/" + e;
        int buckets = 20 + e % 31;
        for (int b = 0; b < buckets; b++) {
          for (int n = 0; n <= (b + second) % 5; n++) {
            recorder.record(name, "GET", bucketMillis(b) + n * 0.37, 1024);
          }
        }
        if (e % 10 == 0) {
          recorder.recordFailure(name, "GET", 250, 0, "HTTPError('503 Server Error')");
        }
      }
    }
    Map<String, Object> data = StatsReportMaps.toMap(recorder.snapshot());
    if (!withHistograms) {
      asPythonWorker(data);
    }
    data.put("user_classes_count", Map.of("WebUser", 100L));
    data.put("user_count", 100L);
    return new Message(MessageType.STATS, data, "worker-1_0123456789abcdef");
  }

  /** 2..98 ms in steps of 4 for the first 25 buckets, then tens from 100 ms. */
  private static double bucketMillis(int b) {
    return b < 25 ? 2 + b * 4 : 100 + (b - 25) * 10;
  }

  @SuppressWarnings("unchecked")
  private static void asPythonWorker(Map<String, Object> data) {
    List<Object> entries = new ArrayList<>((List<Object>) data.get(StatsReportMaps.STATS));
    entries.add(data.get(StatsReportMaps.STATS_TOTAL));
    for (Object e : entries) {
      Map<String, Object> entry = (Map<String, Object>) e;
      entry.remove(StatsEntryMaps.HDR_HISTOGRAM);
      Map<Object, Object> retyped = new LinkedHashMap<>();
      ((Map<Object, Object>) entry.get(StatsEntryMaps.RESPONSE_TIMES))
          .forEach(
              (k, v) -> {
                long key = ((Number) k).longValue();
                retyped.put(key < 100 ? (Object) key : (Object) (double) key, v);
              });
      entry.put(StatsEntryMaps.RESPONSE_TIMES, retyped);
    }
  }
}
