package io.hatchery.bench.stats;

import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.StatsReport;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Builds a worker's {@code stats} data as the msgpack decoder hands it to the master: E entries
 * with B response-time buckets each (int keys below 100 ms, float keys above, as a Python 2.12.1
 * worker sends them), three per-second keys, and optionally our {@code hdr_histogram} bytes.
 */
final class WorkerReports {

  static final double START = 1_700_000_000.0;

  private WorkerReports() {}

  /**
   * Re-deflates every {@code hdr_histogram} of {@code data} in stored (level 0) blocks: the same
   * zlib stream format, uncompressed. Only to measure that alternative (bench/README.md).
   */
  @SuppressWarnings("unchecked")
  static void storeHistogramsUncompressed(Map<String, Object> data) {
    List<Object> entries = new ArrayList<>((List<Object>) data.get(StatsReportMaps.STATS));
    entries.add(data.get(StatsReportMaps.STATS_TOTAL));
    for (Object e : entries) {
      Map<String, Object> entry = (Map<String, Object>) e;
      byte[] compressed = (byte[]) entry.get(StatsEntryMaps.HDR_HISTOGRAM);
      Inflater inflater = new Inflater();
      Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
      try {
        inflater.setInput(compressed, 8, compressed.length - 8);
        byte[] raw = new byte[64 * 1024];
        int rawLength = inflater.inflate(raw);
        deflater.setInput(raw, 0, rawLength);
        deflater.finish();
        byte[] out = new byte[rawLength + 64];
        int length = 8 + deflater.deflate(out, 8, out.length - 8);
        ByteBuffer.wrap(out).putInt(ByteBuffer.wrap(compressed).getInt()).putInt(length - 8);
        entry.put(StatsEntryMaps.HDR_HISTOGRAM, Arrays.copyOf(out, length));
      } catch (DataFormatException ex) {
        throw new IllegalStateException(ex);
      } finally {
        inflater.end();
        deflater.end();
      }
    }
  }

  static Map<String, Object> locustShaped(int entries, int buckets, boolean withHistograms) {
    Map<String, Object> data;
    if (withHistograms) {
      data = StatsReportMaps.toMap(recorded(entries, buckets));
    } else {
      data = new LinkedHashMap<>();
      List<Object> stats = new ArrayList<>();
      for (int e = 0; e < entries; e++) {
        stats.add(entry("/endpoint/" + e, buckets));
      }
      data.put(StatsReportMaps.STATS, stats);
      data.put(StatsReportMaps.STATS_TOTAL, entry("Aggregated", buckets));
      data.put(StatsReportMaps.ERRORS, new LinkedHashMap<>());
    }
    retypeKeysLikePython(data);
    data.put("user_classes_count", Map.of("WebUser", 10L));
    data.put("user_count", 10L);
    return data;
  }

  /** A real recorder's report with B distinct buckets per entry (so histograms are realistic). */
  private static StatsReport recorded(int entries, int buckets) {
    InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli((long) (START * 1000)));
    StatsRecorder recorder = new StatsRecorder(clock);
    for (int e = 0; e < entries; e++) {
      for (int b = 0; b < buckets; b++) {
        for (int n = 0; n <= b % 7; n++) {
          recorder.record("/endpoint/" + e, "GET", bucketMillis(b) + n * 0.13, 512);
        }
      }
    }
    return recorder.snapshot();
  }

  private static Map<String, Object> entry(String name, int buckets) {
    Map<Object, Object> times = new LinkedHashMap<>();
    long requests = 0;
    for (int b = 0; b < buckets; b++) {
      long count = 1 + b % 7;
      times.put(bucketMillis(b), count);
      requests += count;
    }
    Map<Object, Object> perSecond = new LinkedHashMap<>();
    perSecond.put((long) START, requests / 3);
    perSecond.put((long) START + 1, requests / 3);
    perSecond.put((long) START + 2, requests - 2 * (requests / 3));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(StatsEntryMaps.NAME, name);
    map.put(StatsEntryMaps.METHOD, "GET");
    map.put(StatsEntryMaps.LAST_REQUEST_TIMESTAMP, START + 2.9);
    map.put(StatsEntryMaps.START_TIME, START);
    map.put(StatsEntryMaps.NUM_REQUESTS, requests);
    map.put(StatsEntryMaps.NUM_NONE_REQUESTS, 0L);
    map.put(StatsEntryMaps.NUM_FAILURES, 0L);
    map.put(StatsEntryMaps.TOTAL_RESPONSE_TIME, 12_345.678);
    map.put(StatsEntryMaps.MAX_RESPONSE_TIME, 4_321.5);
    map.put(StatsEntryMaps.MIN_RESPONSE_TIME, 1.25);
    map.put(StatsEntryMaps.TOTAL_CONTENT_LENGTH, requests * 512);
    map.put(StatsEntryMaps.RESPONSE_TIMES, times);
    map.put(StatsEntryMaps.NUM_REQS_PER_SEC, perSecond);
    map.put(StatsEntryMaps.NUM_FAIL_PER_SEC, new LinkedHashMap<>());
    return map;
  }

  /** Bucket b: 1..99 ms for the first 25, then tens from 100 ms. */
  private static double bucketMillis(int b) {
    return b < 25 ? 1 + b * 3 : 100 + (b - 25) * 10;
  }

  /**
   * Keys as the msgpack decoder produces them from a Python worker: Long below 100, Double above.
   */
  @SuppressWarnings("unchecked")
  private static void retypeKeysLikePython(Map<String, Object> data) {
    List<Object> entries = new ArrayList<>((List<Object>) data.get(StatsReportMaps.STATS));
    entries.add(data.get(StatsReportMaps.STATS_TOTAL));
    for (Object e : entries) {
      Map<String, Object> entry = (Map<String, Object>) e;
      Map<Object, Object> retyped = new LinkedHashMap<>();
      ((Map<Object, Object>) entry.get(StatsEntryMaps.RESPONSE_TIMES))
          .forEach(
              (k, v) -> {
                double key = ((Number) k).doubleValue();
                retyped.put(key < 100 ? (Object) (long) key : (Object) key, v);
              });
      entry.put(StatsEntryMaps.RESPONSE_TIMES, retyped);
    }
  }
}
