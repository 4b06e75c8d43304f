package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.PayloadKeys.COUNT;
import static io.hatchery.protocol.payload.PayloadKeys.CURRENT_CPU_USAGE;
import static io.hatchery.protocol.payload.PayloadKeys.CURRENT_MEMORY_USAGE;
import static io.hatchery.protocol.payload.PayloadKeys.STATE;

import io.hatchery.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The data of a worker's {@code heartbeat} (W→M, every second): its state and resource usage. The
 * master's reply heartbeat (2.19+) carries nil data, see {@link NilPayload}.
 *
 * <p>{@code state} and {@code current_cpu_usage} are mandatory, as a 2.12.1 master (and every
 * master since 0.14) dies on a KeyError without them, so the {@code {"state"}}-only heartbeats of
 * Locust 0.10–0.13 and Locust4j 1.0.5–1.0.8 are rejected. {@code current_memory_usage} (2.4.2+) and
 * {@code count} (1.4.4–1.6) are optional. Mirrors {@code WorkerRunner.heartbeat} in
 * locust/runners.py. Immutable.
 *
 * @param state the worker's state
 * @param currentCpuUsagePercent process CPU percent (Python's psutil; above 100 on several cores)
 * @param currentMemoryUsageBytes resident memory in bytes, or {@code null} when not reported
 * @param userCount the worker's user count as Locust 1.4.4–1.6 reports it, or {@code null}
 */
public record HeartbeatPayload(
    WorkerState state,
    double currentCpuUsagePercent,
    Long currentMemoryUsageBytes,
    Long userCount) {

  public HeartbeatPayload {
    Objects.requireNonNull(state, "state");
  }

  /** Creates the Locust 2.x heartbeat: state, CPU and memory. */
  public HeartbeatPayload(
      WorkerState state, double currentCpuUsagePercent, Long currentMemoryUsageBytes) {
    this(state, currentCpuUsagePercent, currentMemoryUsageBytes, null);
  }

  /** Parses heartbeat data, accepting an int or float CPU usage. */
  public static HeartbeatPayload from(Object data) throws ProtocolException {
    Map<?, ?> map = Payloads.map(data, "heartbeat data");
    String wire = Payloads.string(Payloads.required(map, STATE, "heartbeat"), "heartbeat state");
    WorkerState state =
        WorkerState.fromWire(wire)
            .orElseThrow(() -> new ProtocolException("unknown heartbeat state '" + wire + "'"));
    double cpu =
        Payloads.number(
            Payloads.required(map, CURRENT_CPU_USAGE, "heartbeat"), "heartbeat cpu usage");
    Object memory = map.get(CURRENT_MEMORY_USAGE);
    Object count = map.get(COUNT);
    return new HeartbeatPayload(
        state,
        cpu,
        memory == null ? null : Payloads.integer(memory, "heartbeat memory usage"),
        count == null ? null : Payloads.integer(count, "heartbeat count"));
  }

  /** Returns the data map in Locust's key order; null memory and count are left out. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(4);
    map.put(STATE, state.wire());
    map.put(CURRENT_CPU_USAGE, currentCpuUsagePercent);
    if (currentMemoryUsageBytes != null) {
      map.put(CURRENT_MEMORY_USAGE, currentMemoryUsageBytes);
    }
    if (userCount != null) {
      map.put(COUNT, userCount);
    }
    return map;
  }

  /** Returns {@link #toMap()}. */
  public Object toData() {
    return toMap();
  }
}
