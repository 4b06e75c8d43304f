package io.hatchery.worker.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link ResourceUsage} of this JVM: CPU from {@code
 * com.sun.management.OperatingSystemMXBean#getProcessCpuTime} deltas over {@link System#nanoTime}
 * deltas, memory from the {@code VmRSS} line of {@code /proc/self/status} on Linux (the same
 * resident set size psutil reads, already in kB, so no page-size guess is needed) and the heap in
 * use elsewhere. Not thread-safe: the control thread owns it.
 */
public final class ProcessResourceUsage implements ResourceUsage {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");
  private static final String VM_RSS = "VmRSS:";
  private static final long BYTES_PER_KB = 1024;

  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private long lastCpuNanos = -1;
  private long lastWallNanos;

  @Override
  public double cpuPercentSinceLastCall() {
    if (!(os instanceof com.sun.management.OperatingSystemMXBean sun)) {
      return 0.0;
    }
    long cpuNanos = sun.getProcessCpuTime();
    long wallNanos = System.nanoTime();
    double percent = 0.0;
    if (lastCpuNanos >= 0 && cpuNanos >= 0 && wallNanos > lastWallNanos) {
      percent = 100.0 * (cpuNanos - lastCpuNanos) / (wallNanos - lastWallNanos);
    }
    lastCpuNanos = cpuNanos;
    lastWallNanos = wallNanos;
    return Math.max(0.0, percent);
  }

  @Override
  public long memoryBytes() {
    try {
      List<String> lines = Files.readAllLines(PROC_STATUS);
      for (String line : lines) {
        if (line.startsWith(VM_RSS)) {
          String[] parts = line.substring(VM_RSS.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * BYTES_PER_KB;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or an unexpected format: fall through to the heap figure.
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
