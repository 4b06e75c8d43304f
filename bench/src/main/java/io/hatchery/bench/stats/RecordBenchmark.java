package io.hatchery.bench.stats;

import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.StatsRecorder;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The worker's recording hot path: {@link StatsRecorder#record} and {@link
 * StatsRecorder#recordFailure} from two threads into ten pre-existing entries, with the system
 * clock. The recorder is snapshotted before every iteration (the worker's reporter does it every 3
 * s; keep iterations under 16 s so the per-second ring never overflows).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class RecordBenchmark {

  private static final String[] NAMES = {
    "/",
    "/login",
    "/items",
    "/items/{id}",
    "/cart",
    "/checkout",
    "/search",
    "/api/v1/orders",
    "/api/v1/users",
    "/static/app.js"
  };

  /** The shared recorder, as all users of a worker share one. */
  @State(Scope.Benchmark)
  public static class Shared {
    final StatsRecorder recorder = new StatsRecorder(InstantSource.system());
    final String error = ErrorTexts.ofException("HTTPError", "503 Server Error");

    @Setup(Level.Trial)
    public void createEntries() {
      for (String name : NAMES) {
        recorder.record(name, "GET", 1, 0);
        recorder.recordFailure(name, "GET", 1, 0, error);
      }
    }

    @Setup(Level.Iteration)
    public void report() {
      recorder.snapshot();
    }
  }

  /** Per-thread latencies (log-normal around 30 ms) and a cursor. */
  @State(Scope.Thread)
  public static class Stream {
    final double[] millis = new double[4096];
    int next;

    @Setup(Level.Trial)
    public void fill() {
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < millis.length; i++) {
        millis[i] = Math.exp(3.4 + random.nextDouble(-1.5, 1.5));
      }
    }
  }

  @Benchmark
  public void record(Shared shared, Stream stream) {
    int i = stream.next++ & (stream.millis.length - 1);
    shared.recorder.record(NAMES[i % NAMES.length], "GET", stream.millis[i], 512);
  }

  @Benchmark
  public void recordFailure(Shared shared, Stream stream) {
    int i = stream.next++ & (stream.millis.length - 1);
    shared.recorder.recordFailure(
        NAMES[i % NAMES.length], "GET", stream.millis[i], 0, shared.error);
  }
}
