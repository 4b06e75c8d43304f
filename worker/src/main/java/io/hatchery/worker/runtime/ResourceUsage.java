package io.hatchery.worker.runtime;

/**
 * The worker's own resource usage as its heartbeat reports it ({@code current_cpu_usage}, {@code
 * current_memory_usage}); Locust reads both from psutil. A seam so tests can report fixed values.
 * Called on the worker's control thread only.
 */
public interface ResourceUsage {

  /**
   * Process CPU time since the previous call, as a percentage of one core's wall time (so above 100
   * on several cores, like psutil's {@code cpu_percent}); 0.0 on the first call.
   */
  double cpuPercentSinceLastCall();

  /** Resident memory in bytes (heap in use where the platform does not tell). */
  long memoryBytes();
}
