package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.WorkerView;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.WorkerState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MasterRunnerRegistrationTest {
  private final RunnerHarness h = new RunnerHarness();

  @Test
  void versionStringIsAcceptedAndAckedWithIndex() {
    h.ready("vm_a", "2.12.1");

    assertThat(h.sent("vm_a", MessageType.ACK))
        .extracting(Message::data)
        .containsExactly(Map.of("index", 0L));
    assertThat(h.runner.publishNow().workers())
        .extracting(WorkerView::id, WorkerView::state, WorkerView::dialect)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("vm_a", WorkerState.READY, "G2"));
  }

  @Test
  void debianEmptyVersionAndOtherVersionsAreAccepted() {
    h.ready("vm_debian", "");
    h.ready("vm_other", "2.30.0");
    h.ready("vm_l4j", "-1");

    assertThat(h.runner.publishNow().workers()).hasSize(3);
    assertThat(h.sent("vm_debian", MessageType.ACK)).hasSize(1);
    assertThat(h.sent("vm_other", MessageType.ACK)).hasSize(1);
    assertThat(h.sent("vm_l4j", MessageType.ACK)).hasSize(1);
  }

  @Test
  void minusOneWorkersGetHeartbeatRepliesPythonWorkersDoNot() {
    h.ready("boomer_a", -1L);
    h.ready("vm_py", "");
    h.heartbeat("boomer_a", WorkerState.READY);
    h.heartbeat("vm_py", WorkerState.READY);

    assertThat(h.sent("boomer_a", MessageType.HEARTBEAT)).hasSize(1);
    assertThat(h.sent("boomer_a", MessageType.HEARTBEAT).get(0).data()).isNull();
    assertThat(h.sent("vm_py", MessageType.HEARTBEAT)).isEmpty();
  }

  @Test
  void nilClientReadyRegistersAPreTwoWorkerWithoutAck() {
    h.ready("old_a", null);

    assertThat(h.sent("old_a", MessageType.ACK)).isEmpty();
    assertThat(h.runner.publishNow().workers())
        .singleElement()
        .extracting(WorkerView::dialect)
        .isEqualTo("G1?");
  }

  @Test
  void oddClientReadyDataIsIgnored() {
    h.ready("odd_int", 5L);
    h.ready("odd_map", Map.of("version", "2.12.1"));
    h.ready("odd_bool", true);

    assertThat(h.runner.publishNow().workers()).isEmpty();
    assertThat(h.rpc.server().sent()).isEmpty();

    h.ready("vm_good", "");
    assertThat(h.runner.publishNow().workers())
        .extracting(WorkerView::id)
        .containsExactly("vm_good");
  }

  @Test
  void ackIndexIsStablePerNodeId() {
    h.ready("vm_a", "");
    h.ready("vm_b", "");
    h.send("vm_a", MessageType.CLIENT_STOPPED, null);
    h.send("vm_a", MessageType.CLIENT_READY, "");
    h.ready("vm_c", "");

    assertThat(h.sent("vm_a", MessageType.ACK))
        .extracting(Message::data)
        .containsExactly(Map.of("index", 0L), Map.of("index", 0L));
    assertThat(h.sent("vm_b", MessageType.ACK).get(0).data()).isEqualTo(Map.of("index", 1L));
    assertThat(h.sent("vm_c", MessageType.ACK).get(0).data()).isEqualTo(Map.of("index", 2L));
  }

  @Test
  void registrationsBeyondTheCapAreRefused() {
    RunnerHarness capped =
        new RunnerHarness(
            MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1)))
                .withLimits(2, 16));
    capped.ready("vm_a", "");
    capped.ready("vm_b", "");
    capped.ready("vm_c", "");

    assertThat(capped.runner.publishNow().workers()).hasSize(2);
    assertThat(capped.sent("vm_c", MessageType.ACK)).isEmpty();
    capped.ready("vm_a", ""); // a known id still re-registers
    assertThat(capped.sent("vm_a", MessageType.ACK)).hasSize(2);
  }

  @Test
  void heartbeatRecordsStateCpuAndMemory() {
    h.ready("vm_a", "");
    h.heartbeat("vm_a", WorkerState.RUNNING);

    WorkerView view = h.runner.publishNow().workers().get(0);
    assertThat(view.state()).isEqualTo(WorkerState.RUNNING);
    assertThat(view.cpuUsagePercent()).isEqualTo(1.5);
    assertThat(view.memoryUsageBytes()).isEqualTo(1024L);
  }

  @Test
  void aHeartbeatDecodedGenericallyRecordsTheSame() {
    h.ready("vm_a", "");
    h.sendGeneric(
        "vm_a",
        MessageType.HEARTBEAT,
        new HeartbeatPayload(WorkerState.STOPPED, 2.5, 2048L).toMap()); // as over inproc

    WorkerView view = h.runner.publishNow().workers().get(0);
    assertThat(view.state()).isEqualTo(WorkerState.STOPPED);
    assertThat(view.cpuUsagePercent()).isEqualTo(2.5);
    assertThat(view.memoryUsageBytes()).isEqualTo(2048L);
  }
}
