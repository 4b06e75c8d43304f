/**
 * The master's view of its workers: one {@link io.hatchery.master.workers.WorkerNode} per
 * registered node id, their liveness counters and protocol dialects. Confined to the master's
 * control thread; no sockets and no clocks of its own.
 */
package io.hatchery.master.workers;
