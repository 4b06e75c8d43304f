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
 * {@link MessageCodec} on a worker's {@code stats} message with 100 entries of 20&ndash;50 buckets
 * (see {@link StatsMessages}): {@code encode} (worker side, every 3 s), {@code decode} (master
 * side, once per report, with {@code DecodeLimits.DEFAULT}) and {@code roundTrip}.
 *
 * <p>{@code shape=locust}: what a Python worker sends. {@code shape=hatchery}: ours, with an {@code
 * hdr_histogram} (msgpack bin) per entry; the codec only copies those bytes, decompressing them is
 * shared-stats' work ({@code MergeBenchmark}). The frame size is printed once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class CodecBenchmark {

  @Param({"locust", "hatchery"})
  public String shape;

  private Message message;
  private byte[] frame;

  @Setup(Level.Trial)
  public void setUp() throws ProtocolException {
    message = StatsMessages.stats(100, shape.equals("hatchery"));
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
