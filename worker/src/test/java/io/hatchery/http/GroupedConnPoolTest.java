package io.hatchery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.pool.PoolEntry;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class GroupedConnPoolTest {

  private static final HttpRoute ROUTE = new HttpRoute(new HttpHost("http", "localhost", 8080));

  private static PoolEntry<HttpRoute, ManagedHttpClientConnection> lease(
      GroupedConnPool pool, Object group) throws Exception {
    return pool.lease(ROUTE, group, Timeout.ofSeconds(1), null).get(1, TimeUnit.SECONDS);
  }

  /** What the connection manager does after a keep-alive exchange of {@code group}. */
  private static void releaseKept(
      GroupedConnPool pool, PoolEntry<HttpRoute, ManagedHttpClientConnection> entry, Object group)
      throws java.io.IOException {
    if (!entry.hasConnection()) {
      entry.assignConnection(ManagedHttpClientConnectionFactory.INSTANCE.createConnection(null));
    }
    entry.updateState(group);
    pool.release(entry, true);
  }

  @Test
  void eachGroupGetsBackItsOwnIdleConnectionAmongThousands() throws Exception {
    GroupedConnPool pool = new GroupedConnPool(100_000, 100_000);
    List<Object> groups = new ArrayList<>();
    List<PoolEntry<HttpRoute, ManagedHttpClientConnection>> entries = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Object group = new Object();
      groups.add(group);
      entries.add(lease(pool, group));
    }
    for (int i = 0; i < groups.size(); i++) {
      releaseKept(pool, entries.get(i), groups.get(i));
    }

    for (int i = groups.size() - 1; i >= 0; i--) {
      assertThat(lease(pool, groups.get(i))).isSameAs(entries.get(i));
    }
    assertThat(pool.getTotalStats().getLeased()).isEqualTo(5_000);
    assertThat(pool.getTotalStats().getAvailable()).isZero();
  }

  @Test
  void anotherGroupOpensANewConnectionInsteadOfTakingAnIdleOne() throws Exception {
    GroupedConnPool pool = new GroupedConnPool(10, 10);
    Object mine = new Object();
    PoolEntry<HttpRoute, ManagedHttpClientConnection> first = lease(pool, mine);
    releaseKept(pool, first, mine);

    PoolEntry<HttpRoute, ManagedHttpClientConnection> other = lease(pool, new Object());

    assertThat(other).isNotSameAs(first);
    assertThat(other.hasConnection()).isFalse();
    assertThat(pool.getTotalStats().getAvailable()).isEqualTo(1);
  }

  @Test
  void atTheLimitTheLeastRecentlyReleasedIdleConnectionIsClosed() throws Exception {
    GroupedConnPool pool = new GroupedConnPool(2, 2);
    Object a = new Object();
    Object b = new Object();
    PoolEntry<HttpRoute, ManagedHttpClientConnection> entryA = lease(pool, a);
    PoolEntry<HttpRoute, ManagedHttpClientConnection> entryB = lease(pool, b);
    releaseKept(pool, entryA, a);
    releaseKept(pool, entryB, b);

    PoolEntry<HttpRoute, ManagedHttpClientConnection> entryC = lease(pool, new Object());

    assertThat(entryC).isNotSameAs(entryA).isNotSameAs(entryB);
    assertThat(entryA.hasConnection()).isFalse();
    assertThat(entryB.hasConnection()).isTrue();
    assertThat(lease(pool, b)).isSameAs(entryB);
  }

  @Test
  void aLeaseBeyondTheLimitWaitsForARelease() throws Exception {
    GroupedConnPool pool = new GroupedConnPool(1, 1);
    PoolEntry<HttpRoute, ManagedHttpClientConnection> busy = lease(pool, new Object());
    Future<PoolEntry<HttpRoute, ManagedHttpClientConnection>> cancelled =
        pool.lease(ROUTE, new Object(), Timeout.ofSeconds(1), null);
    Future<PoolEntry<HttpRoute, ManagedHttpClientConnection>> waiting =
        pool.lease(ROUTE, new Object(), Timeout.ofSeconds(1), null);
    cancelled.cancel(true);

    assertThat(waiting).isNotDone();
    assertThat(pool.getTotalStats().getPending()).isEqualTo(2);
    pool.release(busy, false);

    assertThat(waiting.get(1, TimeUnit.SECONDS)).isNotSameAs(busy);
    assertThat(pool.getTotalStats().getLeased()).isEqualTo(1);
    assertThat(pool.getTotalStats().getPending()).isZero();
  }

  @Test
  void idleConnectionsAreClosedAndAClosedPoolRefusesLeases() throws Exception {
    GroupedConnPool pool = new GroupedConnPool(10, 10);
    Object group = new Object();
    PoolEntry<HttpRoute, ManagedHttpClientConnection> entry = lease(pool, group);
    releaseKept(pool, entry, group);

    pool.closeIdle(TimeValue.ZERO_MILLISECONDS);

    assertThat(entry.hasConnection()).isFalse();
    assertThat(pool.getTotalStats().getAvailable()).isZero();
    assertThat(pool.getRoutes()).isEmpty();
    pool.close();
    assertThatThrownBy(() -> lease(pool, group)).isInstanceOf(IllegalStateException.class);
  }
}
