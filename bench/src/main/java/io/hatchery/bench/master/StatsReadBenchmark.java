package io.hatchery.bench.master;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.stats.StatsReport;
import io.hatchery.stats.wire.MalformedStatsException;
import io.hatchery.stats.wire.StatsReportMaps;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * From a 10-entry x 50-bucket Python-shaped {@code stats} frame (as the master harness sends) to a
 * {@link StatsReport} ready to merge: {@code generic} decodes it into maps and converts them with
 * {@link StatsReportMaps#fromMap} (the master's path before {@code StatsDataReader}, and still the
 * path of inproc, PUSH/PULL and unusual shapes); {@code typed} reads it with {@code
 * StatsDataReader}, as the TCP ROUTER now does. Both produce equal reports ({@code
 * StatsDataReaderTest}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class StatsReadBenchmark {
  private byte[] frame;

  @Setup
  public void setUp() {
    Map<String, Object> data = SyntheticReport.of(10, 50, 1_700_000_000L).data();
    frame = MessageCodec.encode(new Message(MessageType.STATS, data, "bench_worker_0"));
  }

  @Benchmark
  public StatsReport generic() throws ProtocolException, MalformedStatsException {
    Message message = MessageCodec.decode(frame, DecodeLimits.DEFAULT);
    return StatsReportMaps.fromMap((Map<?, ?>) message.data(), 1_700_000_000.0);
  }

  @Benchmark
  public Object typed() {
    return StatsReads.typed(frame).data();
  }
}
