package io.hatchery.master.control;

import io.hatchery.protocol.payload.WorkerState;
import java.time.Instant;
import java.util.Map;

/**
 * One worker as the master last saw it (the web UI's workers tab, {@code /metrics}). Immutable.
 *
 * @param id the worker's node id
 * @param index the index sent in its {@code ack}
 * @param state its last reported state, or {@link WorkerState#MISSING}
 * @param userCount users it last reported
 * @param userClassesCount users by class it last reported (empty when its dialect has none)
 * @param cpuUsagePercent its last reported process CPU usage, 0 when never reported
 * @param memoryUsageBytes its last reported RSS, 0 when never reported
 * @param lastHeartbeatAt when its last heartbeat arrived
 * @param dialect the protocol generation it speaks, e.g. {@code "G2"}, {@code "G1b"}, {@code "G0"}
 */
public record WorkerView(
    String id,
    int index,
    WorkerState state,
    int userCount,
    Map<String, Integer> userClassesCount,
    double cpuUsagePercent,
    long memoryUsageBytes,
    Instant lastHeartbeatAt,
    String dialect) {

  public WorkerView {
    userClassesCount = Map.copyOf(userClassesCount);
  }
}
