package io.hatchery.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The connection manager of a {@link ConnectionPool}: routes each lease to the pool of the
 * requesting session's {@link ConnectionGroup} (the request's connection state), so a lease costs
 * the same with 10 or 10,000 users. A background thread closes connections idle longer than the
 * idle timeout and drops pools left empty. Thread-safe.
 */
final class GroupedConnections implements HttpClientConnectionManager {

  private final Supplier<PoolingHttpClientConnectionManager> poolFactory;
  private final Duration idleTimeout;
  private final Set<ConnectionGroup> groups = ConcurrentHashMap.newKeySet();
  private final Thread evictor;
  private volatile boolean closed;

  GroupedConnections(
      Supplier<PoolingHttpClientConnectionManager> poolFactory, Duration idleTimeout) {
    this.poolFactory = poolFactory;
    this.idleTimeout = idleTimeout;
    this.evictor =
        Thread.ofPlatform().daemon().name("hatchery-http-evictor").unstarted(this::evictIdle);
    evictor.start();
  }

  PoolingHttpClientConnectionManager newPool() {
    return poolFactory.get();
  }

  void register(ConnectionGroup group) {
    groups.add(group);
  }

  void unregister(ConnectionGroup group, PoolingHttpClientConnectionManager pool) {
    groups.remove(group);
    pool.close(CloseMode.GRACEFUL);
  }

  /** Connections open in every group, leased and idle. */
  int openConnections() {
    int open = 0;
    for (ConnectionGroup group : groups) {
      PoolingHttpClientConnectionManager pool = group.poolIfOpen();
      if (pool != null) {
        var stats = pool.getTotalStats();
        open += stats.getLeased() + stats.getAvailable();
      }
    }
    return open;
  }

  @Override
  public LeaseRequest lease(String id, HttpRoute route, Timeout requestTimeout, Object state) {
    if (!(state instanceof ConnectionGroup group)) {
      throw new IllegalStateException("a request without a connection group: " + state);
    }
    PoolingHttpClientConnectionManager pool = group.pool();
    LeaseRequest lease;
    try {
      lease = pool.lease(id, route, requestTimeout, state);
    } catch (IllegalStateException shutDown) {
      // The evictor dropped this empty pool between pool() and lease(): take the new one.
      pool = group.pool();
      lease = pool.lease(id, route, requestTimeout, state);
    }
    PoolingHttpClientConnectionManager owner = pool;
    LeaseRequest delegate = lease;
    return new LeaseRequest() {
      @Override
      public ConnectionEndpoint get(Timeout timeout)
          throws InterruptedException, ExecutionException, TimeoutException {
        return new GroupEndpoint(delegate.get(timeout), owner);
      }

      @Override
      public boolean cancel() {
        return delegate.cancel();
      }
    };
  }

  @Override
  public void release(ConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
    GroupEndpoint grouped = (GroupEndpoint) endpoint;
    grouped.owner.release(grouped.delegate, newState, validDuration);
  }

  @Override
  public void connect(ConnectionEndpoint endpoint, TimeValue connectTimeout, HttpContext context)
      throws IOException {
    GroupEndpoint grouped = (GroupEndpoint) endpoint;
    grouped.owner.connect(grouped.delegate, connectTimeout, context);
  }

  @Override
  public void upgrade(ConnectionEndpoint endpoint, HttpContext context) throws IOException {
    GroupEndpoint grouped = (GroupEndpoint) endpoint;
    grouped.owner.upgrade(grouped.delegate, context);
  }

  @Override
  public void close(CloseMode closeMode) {
    closed = true;
    evictor.interrupt();
    for (ConnectionGroup group : groups) {
      PoolingHttpClientConnectionManager pool = group.poolIfOpen();
      if (pool != null) {
        pool.close(closeMode);
      }
    }
    groups.clear();
  }

  @Override
  public void close() {
    close(CloseMode.GRACEFUL);
  }

  /** Every few seconds: close idle and expired connections, forget groups left without any. */
  private void evictIdle() {
    long periodMillis = Math.max(100, Math.min(5_000, idleTimeout.toMillis() / 2));
    TimeValue idle = TimeValue.of(idleTimeout);
    while (!closed) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      for (ConnectionGroup group : groups) {
        PoolingHttpClientConnectionManager pool = group.poolIfOpen();
        if (pool != null) {
          pool.closeExpired();
          pool.closeIdle(idle);
        }
        group.dropIfEmpty();
      }
    }
  }
}
