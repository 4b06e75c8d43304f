package io.hatchery.http;

import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

/**
 * The connections of one session, or of the sessions sharing a group: a small pool of its own, so
 * that finding a session's idle connection does not search every idle connection of the worker
 * (HttpClient's pool scans its whole idle list under one lock: ~25 &micro;s per lease with 1,000
 * idle users and ~450 &micro;s with 10,000, measured here). It is HttpClient's connection state
 * ("user token") of every request of its sessions, which is how {@link GroupedConnections} finds
 * it. Thread-safe.
 */
final class ConnectionGroup {

  private final GroupedConnections connections;
  private volatile PoolingHttpClientConnectionManager pool;

  ConnectionGroup(GroupedConnections connections) {
    this.connections = connections;
  }

  /** This group's pool, created on first use (registered for idle eviction). */
  PoolingHttpClientConnectionManager pool() {
    PoolingHttpClientConnectionManager current = pool;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (pool == null) {
        pool = connections.newPool();
        connections.register(this);
      }
      return pool;
    }
  }

  /** The pool if it exists, else null. */
  PoolingHttpClientConnectionManager poolIfOpen() {
    return pool;
  }

  /**
   * Closes the group's connections (Locust's {@code session.close()}); a later request of the group
   * opens a new pool. Meant for a moment when the group has no request in flight.
   */
  synchronized void close() {
    PoolingHttpClientConnectionManager current = pool;
    pool = null;
    if (current != null) {
      connections.unregister(this, current);
    }
  }

  /**
   * Drops the pool if it has no connections left (called by the evictor); under this group's lock,
   * like {@link #pool()}, so a pool is registered exactly while it exists.
   */
  synchronized boolean dropIfEmpty() {
    PoolingHttpClientConnectionManager current = pool;
    if (current == null) {
      return true;
    }
    var stats = current.getTotalStats();
    if (stats.getLeased() + stats.getAvailable() + stats.getPending() == 0) {
      pool = null;
      connections.unregister(this, current);
      return true;
    }
    return false;
  }
}
