package io.hatchery.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.stats.histogram.HistogramCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many virtual threads record a known stream while another thread snapshots (and moves the clock)
 * as fast as it can: the sums over all snapshots must equal what was recorded, exactly, for every
 * figure, and every single snapshot must be internally consistent. Writers never get more than
 * {@link #CALLS_PER_SNAPSHOT} calls ahead of the snapshot thread, so recording and snapshotting
 * overlap however fast either side runs (no sleeps).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StatsRecorderConcurrencyTest {

  private static final int THREADS = 64;
  private static final int CALLS_PER_THREAD = 20_000;
  private static final int CALLS_PER_SNAPSHOT = 1_000;
  private static final String[] NAMES = {"/a", "/b", "/c"};
  private static final String[] METHODS = {"GET", "POST"};
  private static final String[] ERRORS = {"'timeout'", "Exception('boom')", "'refused'"};

  @Test
  void concurrentSnapshotsLoseAndDuplicateNothing() throws Exception {
    ManualClock clock = ManualClock.atEpochSeconds(1_700_000_000.0);
    StatsRecorder recorder = new StatsRecorder(clock);
    List<StatsReport> snapshots = new ArrayList<>();
    SnapshotCount snapshotCount = new SnapshotCount();
    try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(writers.submit(() -> writeStream(recorder, thread, snapshotCount)));
      }
      int round = 0;
      while (!done.stream().allMatch(Future::isDone)) {
        // Mostly sub-second steps; every 16th round jumps 20 s so an interval spans > 16 seconds.
        clock.advanceMillis(++round % 16 == 0 ? 20_000 : 377);
        snapshots.add(recorder.snapshot());
        snapshotCount.increment();
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    snapshots.add(recorder.snapshot());

    Expected expected = expected();
    long requests = 0;
    long failures = 0;
    long perSecond = 0;
    long contentLength = 0;
    long errors = 0;
    LongCounts buckets = new LongCounts();
    Histogram histogram = HistogramCodec.newHistogram();
    for (StatsReport snapshot : snapshots) {
      long snapshotRequests = 0;
      for (EntryReport e : snapshot.stats()) {
        assertConsistent(e);
        snapshotRequests += e.numRequests();
        requests += e.numRequests();
        failures += e.numFailures();
        perSecond += e.numReqsPerSec().sum();
        contentLength += e.totalContentLengthBytes();
        buckets.addAll(e.responseTimes());
        e.histogram().addTo(histogram);
      }
      assertThat(snapshot.total().numRequests()).isEqualTo(snapshotRequests);
      errors += snapshot.errors().values().stream().mapToLong(StatsError::occurrences).sum();
    }
    assertThat(snapshots.size())
        .as("snapshots taken while recording")
        .isGreaterThanOrEqualTo(CALLS_PER_THREAD / CALLS_PER_SNAPSHOT);
    assertThat(requests).isEqualTo((long) THREADS * CALLS_PER_THREAD);
    assertThat(perSecond).isEqualTo(requests);
    assertThat(failures).isEqualTo(expected.failures);
    assertThat(errors).isEqualTo(expected.failures);
    assertThat(contentLength).isEqualTo(expected.contentLength);
    assertThat(buckets).isEqualTo(expected.buckets);
    assertThat(histogram).isEqualTo(expected.histogram);
  }

  private static void assertConsistent(EntryReport e) {
    assertThat(e.numReqsPerSec().sum()).isEqualTo(e.numRequests());
    assertThat(e.numFailPerSec().sum()).isEqualTo(e.numFailures());
    assertThat(e.responseTimes().sum()).isEqualTo(e.timedRequests());
    assertThat(e.histogram().totalCount()).isEqualTo(e.timedRequests());
    assertThat(e.numNoneRequests()).isZero();
  }

  private static void writeStream(StatsRecorder recorder, int thread, SnapshotCount snapshots) {
    int seen = 0;
    for (int i = 0; i < CALLS_PER_THREAD; i++) {
      if (i % CALLS_PER_SNAPSHOT == CALLS_PER_SNAPSHOT - 1) {
        seen = snapshots.awaitAbove(seen); // blocks (no spinning: it would starve other writers)
      }
      int n = thread * CALLS_PER_THREAD + i;
      String name = NAMES[n % NAMES.length];
      String method = METHODS[(n / 3) % METHODS.length];
      if (n % 10 == 0) {
        recorder.recordFailure(name, method, millis(n), length(n), ERRORS[n % ERRORS.length]);
      } else {
        recorder.record(name, method, millis(n), length(n));
      }
    }
  }

  private static double millis(int n) {
    return n % 997 == 0 ? 150_000.5 : (n * 7919L % 200_000) / 16.0;
  }

  private static long length(int n) {
    return n % 1_000;
  }

  /** Counts snapshots; writers block until it passes the value they saw. */
  private static final class SnapshotCount {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private int count;

    void increment() {
      lock.lock();
      try {
        count++;
        advanced.signalAll();
      } finally {
        lock.unlock();
      }
    }

    int awaitAbove(int seen) {
      lock.lock();
      try {
        while (count <= seen) {
          advanced.awaitUninterruptibly();
        }
        return count;
      } finally {
        lock.unlock();
      }
    }
  }

  private record Expected(
      long failures, long contentLength, LongCounts buckets, Histogram histogram) {}

  private static Expected expected() {
    long failures = 0;
    long contentLength = 0;
    LongCounts buckets = new LongCounts();
    Histogram histogram = HistogramCodec.newHistogram();
    for (int n = 0; n < THREADS * CALLS_PER_THREAD; n++) {
      failures += n % 10 == 0 ? 1 : 0;
      contentLength += length(n);
      buckets.add(ResponseTimeBuckets.bucketOf(millis(n)), 1);
      histogram.recordValue(Math.round(millis(n) * 1000));
    }
    return new Expected(failures, contentLength, buckets, histogram);
  }
}
