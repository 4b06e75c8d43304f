package io.hatchery.bench.stats;

import io.hatchery.stats.EntryReport;
import io.hatchery.stats.RequestStats;
import io.hatchery.stats.StatsEntry;
import io.hatchery.stats.StatsReport;
import io.hatchery.stats.histogram.HistogramCodec;
import io.hatchery.stats.histogram.HistogramCounts;
import io.hatchery.stats.histogram.HistogramSum;
import io.hatchery.stats.wire.MalformedStatsException;
import io.hatchery.stats.wire.StatsEntryMaps;
import io.hatchery.stats.wire.StatsReportMaps;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The parts of {@link MergeBenchmark}'s {@code shape=hatchery} merge, one at a time, on the same 10
 * x 50 report: {@code fromMapOnly} (validate and decode the whole report, histograms included),
 * {@code mergeDecoded} (merge an already decoded report), and per entry {@code entryFromMap},
 * {@code decodeOneHistogram} ({@code HistogramCodec.decode}), {@code inflateOne} (zlib alone, on a
 * reused {@link Inflater}), {@code sumOne} ({@link HistogramSum#add}, what a merge does now) and
 * {@code addToOne} ({@code recordValueWithCount} per bin into a {@link Histogram}, what it did
 * before). The histogram's size and bin count are printed once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MergeBreakdownBenchmark {

  private Map<String, Object> data;
  private StatsReport report;
  private RequestStats master;
  private byte[] oneHistogram;
  private long oneTotal;
  private HistogramCounts oneCounts;
  private Histogram target;
  private final HistogramSum sum = new HistogramSum();
  private final Inflater inflater = new Inflater();
  private final byte[] out = new byte[4096];

  @Setup(Level.Trial)
  public void setUp() throws MalformedStatsException {
    data = WorkerReports.locustShaped(10, 50, true);
    report = StatsReportMaps.fromMap(data, WorkerReports.START);
    master =
        new RequestStats(InstantSource.fixed(Instant.ofEpochSecond((long) WorkerReports.START)));
    @SuppressWarnings("unchecked")
    Map<String, Object> e0 =
        (Map<String, Object>) ((List<Object>) data.get(StatsReportMaps.STATS)).get(0);
    oneHistogram = (byte[]) e0.get(StatsEntryMaps.HDR_HISTOGRAM);
    oneTotal = (Long) e0.get(StatsEntryMaps.NUM_REQUESTS);
    oneCounts = HistogramCodec.decode(oneHistogram, oneTotal).orElseThrow();
    target = HistogramCodec.newHistogram();
    System.out.println(
        "hdr_histogram of one entry: "
            + oneHistogram.length
            + " bytes, "
            + oneCounts.binCount()
            + " bins");
  }

  @Benchmark
  public StatsReport fromMapOnly() throws MalformedStatsException {
    return StatsReportMaps.fromMap(data, WorkerReports.START);
  }

  @Benchmark
  public StatsEntry mergeDecoded() {
    master.merge(report);
    return master.total();
  }

  @Benchmark
  public Object decodeOneHistogram() {
    return HistogramCodec.decode(oneHistogram, oneTotal);
  }

  @Benchmark
  public int inflateOne() throws DataFormatException {
    inflater.reset();
    inflater.setInput(oneHistogram, 8, oneHistogram.length - 8);
    return inflater.inflate(out);
  }

  @Benchmark
  public Histogram addToOne() {
    oneCounts.addTo(target);
    return target;
  }

  @Benchmark
  public HistogramSum sumOne() {
    sum.add(oneCounts);
    return sum;
  }

  @Benchmark
  public EntryReport entryFromMap() throws MalformedStatsException {
    return StatsEntryMaps.fromMap(
        ((List<?>) data.get(StatsReportMaps.STATS)).get(0), WorkerReports.START);
  }
}
