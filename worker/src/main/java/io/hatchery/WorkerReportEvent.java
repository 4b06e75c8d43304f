package io.hatchery;

import java.util.Map;

/**
 * A worker's stats report as the master received it (Locust's {@code worker_report(client_id,
 * data)}): fired by the master, so listeners can read the keys workers added in {@link
 * Events#reportToMaster()}. Listeners must not modify {@code data}.
 *
 * @param nodeId the sending worker's node id
 * @param data the decoded payload
 */
public record WorkerReportEvent(String nodeId, Map<String, Object> data) {}
