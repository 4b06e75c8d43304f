package io.hatchery.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.ManagedConnPool;
import org.apache.hc.core5.pool.PoolEntry;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The connection pool behind {@link ConnectionPool}: HttpCore's strict pool semantics (limits per
 * route and in total, least recently used idle connection closed to make room, waiting leases
 * served in order) with idle connections indexed by (route, connection group). HttpCore's {@code
 * StrictConnPool} finds a session's own idle connection by scanning every idle connection of the
 * route, under the pool's one lock: with one connection per user that is O(users) per request,
 * which at 10,000 paced users cost more CPU than the requests themselves. Here a lease is O(1).
 *
 * <p>A lease for group {@code g} takes the most recently released idle connection of {@code g},
 * else one without a group (never used), else opens a new one. Thread-safe: one lock, held for
 * constant time per lease and release.
 */
final class GroupedConnPool implements ManagedConnPool<HttpRoute, ManagedHttpClientConnection> {

  private record Key(HttpRoute route, Object group) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Key, ArrayDeque<PoolEntry<HttpRoute, ManagedHttpClientConnection>>> idle =
      new HashMap<>();

  /** Idle entries, least recently released first. */
  private final LinkedHashSet<PoolEntry<HttpRoute, ManagedHttpClientConnection>> idleOrder =
      new LinkedHashSet<>();

  private final Set<PoolEntry<HttpRoute, ManagedHttpClientConnection>> leased = new HashSet<>();
  private final Map<HttpRoute, Integer> perRoute = new HashMap<>();
  private final Map<HttpRoute, Integer> maxPerRoute = new HashMap<>();
  private final ArrayDeque<PendingLease> pending = new ArrayDeque<>();
  private int maxTotal;
  private int defaultMaxPerRoute;
  private boolean closed;

  private record PendingLease(
      HttpRoute route,
      Object group,
      CompletableFuture<PoolEntry<HttpRoute, ManagedHttpClientConnection>> future) {}

  GroupedConnPool(int maxTotal, int defaultMaxPerRoute) {
    this.maxTotal = maxTotal;
    this.defaultMaxPerRoute = defaultMaxPerRoute;
  }

  @Override
  public Future<PoolEntry<HttpRoute, ManagedHttpClientConnection>> lease(
      HttpRoute route,
      Object group,
      Timeout requestTimeout,
      FutureCallback<PoolEntry<HttpRoute, ManagedHttpClientConnection>> callback) {
    CompletableFuture<PoolEntry<HttpRoute, ManagedHttpClientConnection>> future =
        new CompletableFuture<>();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("Connection pool shut down");
      }
      PoolEntry<HttpRoute, ManagedHttpClientConnection> entry = tryLease(route, group);
      if (entry == null) {
        pending.addLast(new PendingLease(route, group, future));
      } else {
        future.complete(entry);
      }
    } finally {
      lock.unlock();
    }
    if (callback != null) {
      future.whenComplete(
          (entry, error) -> {
            if (error == null) {
              callback.completed(entry);
            } else if (error instanceof CancellationException) {
              callback.cancelled();
            } else {
              callback.failed(error instanceof Exception e ? e : new RuntimeException(error));
            }
          });
    }
    return future;
  }

  @Override
  public void release(PoolEntry<HttpRoute, ManagedHttpClientConnection> entry, boolean reusable) {
    lock.lock();
    try {
      if (!leased.remove(entry)) {
        throw new IllegalStateException("Pool entry is not present in the set of leased entries");
      }
      if (reusable && entry.hasConnection() && !closed) {
        addIdle(entry);
      } else {
        entry.discardConnection(CloseMode.GRACEFUL);
        forget(entry.getRoute());
      }
      servePending();
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock: an idle entry of the group, a new one, or null when the limits are reached. */
  private PoolEntry<HttpRoute, ManagedHttpClientConnection> tryLease(
      HttpRoute route, Object group) {
    PoolEntry<HttpRoute, ManagedHttpClientConnection> entry = takeIdle(new Key(route, group));
    if (entry == null && group != null) {
      entry = takeIdle(new Key(route, null));
    }
    if (entry == null) {
      if (perRoute.getOrDefault(route, 0) >= maxPerRoute.getOrDefault(route, defaultMaxPerRoute)
          && !closeOldestIdle(route)) {
        return null;
      }
      if (leased.size() + idleOrder.size() >= maxTotal && !closeOldestIdle(null)) {
        return null;
      }
      entry = new PoolEntry<>(route, TimeValue.NEG_ONE_MILLISECOND);
      perRoute.merge(route, 1, Integer::sum);
    }
    leased.add(entry);
    return entry;
  }

  /**
   * Under the lock: closes the least recently released idle connection (of {@code route}, or of any
   * route when null) to make room, as the strict pool does; false when there is none. Only reached
   * at a limit, so the scan for a route's oldest is not on the common path.
   */
  private boolean closeOldestIdle(HttpRoute route) {
    for (PoolEntry<HttpRoute, ManagedHttpClientConnection> entry : idleOrder) {
      if (route == null || route.equals(entry.getRoute())) {
        removeIdle(entry);
        entry.discardConnection(CloseMode.GRACEFUL);
        forget(entry.getRoute());
        return true;
      }
    }
    return false;
  }

  private PoolEntry<HttpRoute, ManagedHttpClientConnection> takeIdle(Key key) {
    ArrayDeque<PoolEntry<HttpRoute, ManagedHttpClientConnection>> entries = idle.get(key);
    if (entries == null) {
      return null;
    }
    PoolEntry<HttpRoute, ManagedHttpClientConnection> entry = entries.pollFirst();
    if (entries.isEmpty()) {
      idle.remove(key);
    }
    idleOrder.remove(entry);
    return entry;
  }

  private void addIdle(PoolEntry<HttpRoute, ManagedHttpClientConnection> entry) {
    idle.computeIfAbsent(new Key(entry.getRoute(), entry.getState()), k -> new ArrayDeque<>(1))
        .addFirst(entry);
    idleOrder.add(entry);
  }

  private void removeIdle(PoolEntry<HttpRoute, ManagedHttpClientConnection> entry) {
    Key key = new Key(entry.getRoute(), entry.getState());
    ArrayDeque<PoolEntry<HttpRoute, ManagedHttpClientConnection>> entries = idle.get(key);
    if (entries != null && entries.remove(entry) && entries.isEmpty()) {
      idle.remove(key);
    }
    idleOrder.remove(entry);
  }

  private void forget(HttpRoute route) {
    perRoute.computeIfPresent(route, (r, count) -> count > 1 ? count - 1 : null);
  }

  /** Under the lock: hands freed room to waiting leases, oldest first. */
  private void servePending() {
    for (Iterator<PendingLease> it = pending.iterator(); it.hasNext(); ) {
      PendingLease waiting = it.next();
      if (waiting.future().isDone()) {
        it.remove();
        continue;
      }
      PoolEntry<HttpRoute, ManagedHttpClientConnection> entry =
          tryLease(waiting.route(), waiting.group());
      if (entry == null) {
        continue;
      }
      it.remove();
      if (!waiting.future().complete(entry)) {
        leased.remove(entry);
        if (entry.hasConnection()) {
          addIdle(entry);
        } else {
          forget(entry.getRoute());
        }
      }
    }
  }

  @Override
  public void closeIdle(TimeValue idleTime) {
    long cutoff = System.currentTimeMillis() - Math.max(0, idleTime.toMilliseconds());
    closeIdleWhere(entry -> entry.getUpdated() <= cutoff);
  }

  @Override
  public void closeExpired() {
    closeIdleWhere(entry -> entry.getExpiryDeadline().isExpired());
  }

  private void closeIdleWhere(Predicate<PoolEntry<HttpRoute, ManagedHttpClientConnection>> stale) {
    lock.lock();
    try {
      List<PoolEntry<HttpRoute, ManagedHttpClientConnection>> closing = new ArrayList<>();
      for (PoolEntry<HttpRoute, ManagedHttpClientConnection> entry : idleOrder) {
        if (stale.test(entry)) {
          closing.add(entry);
        }
      }
      for (PoolEntry<HttpRoute, ManagedHttpClientConnection> entry : closing) {
        removeIdle(entry);
        entry.discardConnection(CloseMode.GRACEFUL);
        forget(entry.getRoute());
      }
      servePending();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close(CloseMode closeMode) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (PoolEntry<HttpRoute, ManagedHttpClientConnection> entry : idleOrder) {
        entry.discardConnection(closeMode);
      }
      for (PoolEntry<HttpRoute, ManagedHttpClientConnection> entry : leased) {
        entry.discardConnection(closeMode);
      }
      idle.clear();
      idleOrder.clear();
      perRoute.clear();
      pending.forEach(waiting -> waiting.future().cancel(false));
      pending.clear();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    close(CloseMode.GRACEFUL);
  }

  @Override
  public void setMaxTotal(int max) {
    lock.lock();
    try {
      maxTotal = max;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int getMaxTotal() {
    lock.lock();
    try {
      return maxTotal;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void setDefaultMaxPerRoute(int max) {
    lock.lock();
    try {
      defaultMaxPerRoute = max;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int getDefaultMaxPerRoute() {
    lock.lock();
    try {
      return defaultMaxPerRoute;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void setMaxPerRoute(HttpRoute route, int max) {
    lock.lock();
    try {
      maxPerRoute.put(route, max);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int getMaxPerRoute(HttpRoute route) {
    lock.lock();
    try {
      return maxPerRoute.getOrDefault(route, defaultMaxPerRoute);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Set<HttpRoute> getRoutes() {
    lock.lock();
    try {
      return new HashSet<>(perRoute.keySet());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PoolStats getTotalStats() {
    lock.lock();
    try {
      return new PoolStats(leased.size(), pending.size(), idleOrder.size(), maxTotal);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PoolStats getStats(HttpRoute route) {
    lock.lock();
    try {
      int routeLeased = 0;
      for (PoolEntry<HttpRoute, ManagedHttpClientConnection> entry : leased) {
        routeLeased += route.equals(entry.getRoute()) ? 1 : 0;
      }
      int routeIdle = perRoute.getOrDefault(route, 0) - routeLeased;
      int routePending = 0;
      for (PendingLease waiting : pending) {
        routePending += route.equals(waiting.route()) ? 1 : 0;
      }
      return new PoolStats(
          routeLeased,
          routePending,
          routeIdle,
          maxPerRoute.getOrDefault(route, defaultMaxPerRoute));
    } finally {
      lock.unlock();
    }
  }
}
