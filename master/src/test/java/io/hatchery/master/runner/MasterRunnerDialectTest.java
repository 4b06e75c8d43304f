package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.control.WorkerView;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MasterRunnerDialectTest {
  private final RunnerHarness h = new RunnerHarness();

  private String dialectOf(RunnerHarness harness, String id) {
    return harness.runner.publishNow().workers().stream()
        .filter(w -> w.id().equals(id))
        .map(WorkerView::dialect)
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> data(Message message) {
    return (Map<Object, Object>) message.data();
  }

  @Test
  void unknownPreTwoWorkerGetsBothSpawnAndHatchWithItsShare() {
    h.ready("old_a", null);
    h.runner.start(SwarmRequest.of(5, 2.0));

    Map<Object, Object> spawn = data(h.sent("old_a", MessageType.SPAWN).get(0));
    Map<Object, Object> hatch = data(h.sent("old_a", MessageType.HATCH).get(0));
    assertThat(spawn)
        .containsEntry("spawn_rate", 2.0)
        .containsEntry("num_users", 5L)
        .doesNotContainKey("user_classes_count");
    assertThat(hatch)
        .containsEntry("hatch_rate", 2.0)
        .containsEntry("num_clients", 5L)
        .containsEntry("num_users", 5L);
    assertThat(h.sent("old_a", MessageType.SPAWN).get(0).nodeId()).isEqualTo("old_a");
  }

  @Test
  void spawningReplyTeachesG1bSoOnlySpawnFollows() {
    h.ready("old_a", null);
    h.runner.start(SwarmRequest.of(2, 1.0));
    h.send("old_a", MessageType.SPAWNING, null);
    assertThat(dialectOf(h, "old_a")).isEqualTo("G1b");

    h.runner.start(SwarmRequest.of(4, 1.0));

    assertThat(h.sent("old_a", MessageType.SPAWN)).hasSize(2);
    assertThat(h.sent("old_a", MessageType.HATCH)).hasSize(1);
  }

  @Test
  void hatchingReplyTeachesG1SoOnlyHatchFollows() {
    h.ready("old_a", null);
    h.runner.start(SwarmRequest.of(2, 1.0));
    h.send("old_a", MessageType.HATCHING, null);
    assertThat(dialectOf(h, "old_a")).isEqualTo("G1");

    h.runner.start(SwarmRequest.of(4, 1.0));

    assertThat(h.sent("old_a", MessageType.SPAWN)).hasSize(1);
    assertThat(h.sent("old_a", MessageType.HATCH)).hasSize(2);
    assertThat(h.sent("old_a", MessageType.HATCH).get(1).data())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("num_clients", 4L);
  }

  @Test
  void legacyUsersAreSplitAsLocustOneDid() {
    h.ready("old_a", null);
    h.ready("old_b", null);
    h.ready("old_c", null);
    h.runner.start(SwarmRequest.of(10, 3.0));

    assertThat(List.of("old_a", "old_b", "old_c"))
        .map(id -> data(h.sent(id, MessageType.SPAWN).get(0)).get("num_users"))
        .containsExactly((Object) 4L, 3L, 3L);
    assertThat(data(h.sent("old_a", MessageType.SPAWN).get(0))).containsEntry("spawn_rate", 1.0);
  }

  @Test
  void legacySpawningCompletesWhenCountsMatch() {
    h.ready("old_a", null);
    h.runner.start(SwarmRequest.of(3, 10.0));
    h.send("old_a", MessageType.SPAWNING, null);
    h.send("old_a", MessageType.SPAWNING_COMPLETE, Map.of("count", 3L));
    assertThat(h.runner.state()).isEqualTo(io.hatchery.master.control.RunState.RUNNING);
    assertThat(h.runner.publishNow().userCount()).isEqualTo(3);
  }

  @Test
  void g0WorkersGetHatchWithNilNodeIdAndAreNeverMarkedMissing() {
    RunnerHarness g0 =
        new RunnerHarness(
            MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1)))
                .withLegacyG0(true));
    g0.ready("l4j_a", null);
    g0.runner.start(SwarmRequest.of(2, 1.0));

    List<Message> hatches = g0.sent("l4j_a", MessageType.HATCH);
    assertThat(hatches).hasSize(1);
    assertThat(hatches.get(0).nodeId()).isNull();
    assertThat(g0.sent("l4j_a", MessageType.SPAWN)).isEmpty();
    assertThat(dialectOf(g0, "l4j_a")).isEqualTo("G0");

    g0.advance(Duration.ofSeconds(70));
    assertThat(g0.runner.publishNow().workers()).hasSize(1);
  }

  @Test
  void g2AndLegacyWorkersInOneClusterGiveUsersToG2Only() {
    h.ready("vm_a", "");
    h.ready("old_a", null);
    h.runner.start(SwarmRequest.of(2, 10.0));
    assertThat(h.lastSpawnCounts("vm_a")).isEqualTo(Map.of("MyUser", 2L));
    assertThat(h.sent("old_a", MessageType.SPAWN)).isEmpty();
    assertThat(h.sent("old_a", MessageType.HATCH)).isEmpty();
  }
}
