package io.hatchery.protocol.payload;

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
 * <p>{@code state} and {@code current_cpu_usage} are mandatory, as a 2.12.1 master dies on a
 * KeyError without them; {@code current_memory_usage} (2.4.2+) is optional. Mirrors {@code
 * WorkerRunner.heartbeat} in locust/runners.py. Immutable.
 *
 * @param state the worker's state
 * @param currentCpuUsagePercent process CPU percent (Python's psutil; above 100 on several cores)
 * @param currentMemoryUsageBytes resident memory in bytes, or {@code null} when not reported
 */
public record HeartbeatPayload(
    WorkerState state, double currentCpuUsagePercent, Long currentMemoryUsageBytes) {

  public HeartbeatPayload {
    Objects.requireNonNull(state, "state");
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
    return new HeartbeatPayload(
        state, cpu, memory == null ? null : Payloads.integer(memory, "heartbeat memory usage"));
  }

  /** Returns the data map in Locust's key order; memory is left out when {@code null}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>(4);
    map.put(STATE, state.wire());
    map.put(CURRENT_CPU_USAGE, currentCpuUsagePercent);
    if (currentMemoryUsageBytes != null) {
      map.put(CURRENT_MEMORY_USAGE, currentMemoryUsageBytes);
    }
    return map;
  }

  /** Returns {@link #toMap()}. */
  public Object toData() {
    return toMap();
  }
}
