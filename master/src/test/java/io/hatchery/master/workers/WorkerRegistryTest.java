package io.hatchery.master.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.payload.WorkerState;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WorkerRegistryTest {
  private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);
  private final WorkerRegistry registry = new WorkerRegistry(100);

  @Test
  void indexesAreStablePerNodeIdAcrossRemovals() {
    registry.register("a", Dialect.G2, false, T0);
    registry.register("b", Dialect.G2, false, T0);
    registry.remove("a");
    WorkerNode again = registry.register("a", Dialect.G2, false, T0).orElseThrow();

    assertThat(again.index()).isZero();
    assertThat(registry.register("c", Dialect.G2, false, T0).orElseThrow().index()).isEqualTo(2);
  }

  @Test
  void livenessFollowsLocustsCounter() {
    registry.register("a", Dialect.G2, false, T0);
    for (int check = 1; check <= 4; check++) {
      assertThat(registry.check().becameMissing()).as("check %s", check).isEmpty();
    }
    assertThat(registry.check().becameMissing()).extracting(WorkerNode::id).containsExactly("a");
    for (int check = 6; check <= 64; check++) {
      assertThat(registry.check().removed()).as("check %s", check).isEmpty();
    }
    assertThat(registry.check().removed()).extracting(WorkerNode::id).containsExactly("a");
    assertThat(registry.isEmpty()).isTrue();
  }

  @Test
  void aHeartbeatResetsTheCounter() {
    WorkerNode node = registry.register("a", Dialect.G2, false, T0).orElseThrow();
    registry.check();
    registry.check();
    registry.heartbeatReceived(node);
    assertThat(node.heartbeatLiveness()).isEqualTo(WorkerRegistry.HEARTBEAT_LIVENESS);
  }

  @Test
  void g0WorkersAreNeverMissing() {
    registry.register("old", Dialect.G0, false, T0);
    for (int check = 0; check < 100; check++) {
      assertThat(registry.check().isEmpty()).isTrue();
    }
    assertThat(registry.find("old").orElseThrow().state()).isEqualTo(WorkerState.READY);
  }

  @Test
  void unknownPeersAreAnsweredOncePerIntervalAndBounded() {
    UnknownPeers peers = new UnknownPeers(2, 10_000);
    assertThat(peers.shouldAnswer("x", 0)).isTrue();
    assertThat(peers.shouldAnswer("x", 9_999)).isFalse();
    assertThat(peers.shouldAnswer("x", 10_000)).isTrue();
    peers.shouldAnswer("y", 10_000);
    peers.shouldAnswer("z", 10_000);
    assertThat(peers.size()).isEqualTo(2);
  }
}
