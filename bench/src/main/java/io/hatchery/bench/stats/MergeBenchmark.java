package io.hatchery.bench.stats;

import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.wire.MalformedStatsException;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The master's cost per worker report: validate and normalise the decoded {@code stats} data
 * ({@link StatsReportMaps#fromMap}) and merge it into {@link RequestStats}. The report has 10
 * entries x 50 buckets (Locust 2.12.1 spends ~400 us on one, performance.md section 3.6).
 *
 * <p>{@code shape=locust}: a Python worker's report. {@code shape=hatchery}: ours, with an {@code
 * hdr_histogram} per entry (decoded and added on every merge). {@code newSecond=true} moves every
 * timestamp one second forward per merge, so each entry also stores a response-times cache copy
 * (the worst case; with many workers most reports land in an already cached second).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MergeBenchmark {

  @Param({"locust", "hatchery"})
  public String shape;

  @Param({"false", "true"})
  public boolean newSecond;

  /**
   * {@code zlib}: the histograms as {@code HistogramCodec} writes them. {@code stored}: the same
   * zlib stream in uncompressed blocks (run with {@code -p histograms=stored} to compare).
   */
  @Param({"zlib"})
  public String histograms;

  private Map<String, Object> data;
  private RequestStats master;
  private double last;

  @Setup(Level.Trial)
  public void setUp() {
    data = WorkerReports.locustShaped(10, 50, shape.equals("hatchery"));
    if (shape.equals("hatchery") && histograms.equals("stored")) {
      WorkerReports.storeHistogramsUncompressed(data);
    }
    master =
        new RequestStats(InstantSource.fixed(Instant.ofEpochSecond((long) WorkerReports.START)));
    last = WorkerReports.START + 2.9;
  }

  @Benchmark
  public StatsEntry merge() throws MalformedStatsException {
    if (newSecond) {
      last += 1;
      setLast(last);
    }
    master.merge(StatsReportMaps.fromMap(data, WorkerReports.START));
    return master.total();
  }

  @SuppressWarnings("unchecked")
  private void setLast(double epochSeconds) {
    for (Object entry : (List<Object>) data.get(StatsReportMaps.STATS)) {
      ((Map<String, Object>) entry).put(StatsEntryMaps.LAST_REQUEST_TIMESTAMP, epochSeconds);
    }
    ((Map<String, Object>) data.get(StatsReportMaps.STATS_TOTAL))
        .put(StatsEntryMaps.LAST_REQUEST_TIMESTAMP, epochSeconds);
  }
}
