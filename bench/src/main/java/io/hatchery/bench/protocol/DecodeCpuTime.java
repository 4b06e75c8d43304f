package io.hatchery.bench.protocol;

import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.ProtocolException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures {@link MessageCodec#decode(byte[])} in thread CPU time ({@link
 * ThreadMXBean#getCurrentThreadCpuTime()}), which leaves out the time the thread waited for a core:
 * on a machine shared with other jobs, wall-clock JMH scores swing 2&ndash;3x with the load, this
 * much less. Not JMH: no forks or blackholes, so only for comparing builds run alternately.
 *
 * <p>Decodes each of {@link CodecBenchmark}'s frames in 25 rounds of ~2 MB of frames, drops the
 * first 10 rounds as warm-up and prints the median and best µs of CPU per decode of the other 15.
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.hatchery.bench.protocol.DecodeCpuTime
 * }</pre>
 */
public final class DecodeCpuTime {
  private static final int ROUNDS = 25;
  private static final int WARM_UP_ROUNDS = 10;
  private static final int BYTES_PER_ROUND = 2_000_000;

  private DecodeCpuTime() {}

  public static void main(String[] args) throws ProtocolException {
    Map<String, byte[]> frames = new LinkedHashMap<>();
    frames.put("locust10x50", MessageCodec.encode(PythonReports.stats(10, 50)));
    frames.put("heartbeat", MessageCodec.encode(PythonReports.heartbeat()));
    frames.put("locust", MessageCodec.encode(StatsMessages.stats(100, false)));
    frames.put("hatchery", MessageCodec.encode(StatsMessages.stats(100, true)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int checksum = 0;
    for (Map.Entry<String, byte[]> frame : frames.entrySet()) {
      int decodes = Math.max(200, BYTES_PER_ROUND / frame.getValue().length);
      double[] micros = new double[ROUNDS - WARM_UP_ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < decodes; i++) {
          checksum += MessageCodec.decode(frame.getValue()).type().length();
        }
        double perDecode = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / decodes;
        if (round >= WARM_UP_ROUNDS) {
          micros[round - WARM_UP_ROUNDS] = perDecode;
        }
      }
      Arrays.sort(micros);
      System.out.printf(
          "%-12s %6d B  CPU µs/decode median %.3f best %.3f%n",
          frame.getKey(), frame.getValue().length, micros[micros.length / 2], micros[0]);
    }
    System.out.println("checksum " + checksum);
  }
}
