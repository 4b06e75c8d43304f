package io.hatchery.bench.protocol;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import java.util.Arrays;
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
 * {@link MessageCodec} on worker messages: {@code encode} (worker side), {@code decode} (master
 * side, on its I/O thread, with {@code DecodeLimits.DEFAULT}) and {@code roundTrip}.
 *
 * <p>{@code shape=locust}: a {@code stats} message with 100 entries of 20&ndash;50 buckets as a
 * Python worker sends it (see {@link StatsMessages}). {@code shape=hatchery}: ours, with an {@code
 * hdr_histogram} (msgpack bin) per entry; the codec only copies those bytes, decompressing them is
 * shared-stats' work ({@code MergeBenchmark}). {@code shape=locust10x50}: performance.md §4.5's
 * 10-entry x 50-bucket Python report, and {@code shape=heartbeat} a running Python worker's
 * heartbeat (see {@link PythonReports}). The frame size is printed once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class CodecBenchmark {

  @Param({"locust", "hatchery", "locust10x50", "heartbeat"})
  public String shape;

  private Message message;
  private byte[] frame;

  @Setup(Level.Trial)
  public void setUp() throws ProtocolException {
    message =
        switch (shape) {
          case "locust10x50" -> PythonReports.stats(10, 50);
          case "heartbeat" -> PythonReports.heartbeat();
          default -> StatsMessages.stats(100, shape.equals("hatchery"));
        };
    frame = MessageCodec.encode(message);
    if (!Arrays.equals(MessageCodec.encode(MessageCodec.decode(frame)), frame)) {
      throw new IllegalStateException("the stats frame does not re-encode byte-identical");
    }
    System.out.println("frame bytes (" + shape + "): " + frame.length);
  }

  @Benchmark
  public byte[] encode() {
    return MessageCodec.encode(message);
  }

  @Benchmark
  public Message decode() throws ProtocolException {
    return MessageCodec.decode(frame);
  }

  @Benchmark
  public Message roundTrip() throws ProtocolException {
    return MessageCodec.decode(MessageCodec.encode(message));
  }
}
