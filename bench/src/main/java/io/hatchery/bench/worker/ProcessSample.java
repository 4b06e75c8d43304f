package io.hatchery.bench.worker;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's resource use at one instant: CPU time of all its threads (JIT and GC included), RSS
 * and thread count from {@code /proc/self/status}, heap in use, and the collectors' totals.
 *
 * @param cpuNanos process CPU time (user + system), nanoseconds
 * @param rssKib resident set size, KiB ({@code VmRSS})
 * @param threads OS threads (carriers, JIT, GC...; not virtual threads)
 * @param heapUsedBytes heap in use, bytes
 * @param gcCount collections so far, all collectors
 * @param gcMillis time spent in collections so far, milliseconds
 */
record ProcessSample(
    long cpuNanos, long rssKib, long threads, long heapUsedBytes, long gcCount, long gcMillis) {

  /** Samples now. */
  static ProcessSample now() {
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long rss = -1;
    long threads = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = firstNumber(line);
        } else if (line.startsWith("Threads:")) {
          threads = firstNumber(line);
        }
      }
    } catch (IOException e) {
      // not Linux: RSS and threads stay unknown (-1)
    }
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new ProcessSample(cpu, rss, threads, heap, gcCount, gcMillis);
  }

  private static long firstNumber(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]+", " ").strip().split(" ")[0]);
  }
}
