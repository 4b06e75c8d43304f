/**
 * Users distribution: the pure {@link io.hatchery.master.dispatch.UsersDispatcher} (Locust 2.x
 * {@code locust/dispatch.py}) and the 1.x per-worker {@link
 * io.hatchery.master.dispatch.LegacySpawnShare}. No clocks, threads, sockets or sleeping here: the
 * caller applies each dispatch and schedules the next one itself.
 */
package io.hatchery.master.dispatch;
