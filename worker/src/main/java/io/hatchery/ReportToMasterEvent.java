package io.hatchery;

import java.util.Map;

/**
 * The stats report a worker is about to send (Locust's {@code report_to_master(client_id, data)}).
 * Listeners may add keys to {@code data}; they must not remove keys already there. Values must be
 * encodable by the protocol codec (null, Boolean, numbers, String, byte[], List, Map). Fired on the
 * worker runtime's thread.
 *
 * @param nodeId this worker's node id
 * @param data the mutable payload map
 */
public record ReportToMasterEvent(String nodeId, Map<String, Object> data) {}
