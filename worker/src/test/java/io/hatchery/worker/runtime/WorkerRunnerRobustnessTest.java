package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.PayloadKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WorkerRunnerRobustnessTest {

  @Test
  void locustMessagesThisWorkerDoesNotUseAreIgnored() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.sent();

    fixture.fromMaster(MessageType.SPAWNING_COMPLETE, Map.of(PayloadKeys.USER_COUNT, 3L));
    fixture.fromMaster(MessageType.UPDATE_USER_CLASS, Map.of("user_class_name", "MyUser"));
    fixture.fromMaster(MessageType.LOGS, List.of("line"));
    fixture.fromMaster(MessageType.CLIENT_READY, -1L);

    assertThat(fixture.sentTypes()).isEmpty();
    assertThat(fixture.runner.exitCode()).isNull();
    assertThat(fixture.bridge.events).isEmpty();
  }

  @Test
  void malformedFramesAreNeverFatal() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();

    for (int i = 0; i < 1_000; i++) {
      fixture.client.inject(new ProtocolException("truncated str8 #" + i));
    }
    fixture.pump();
    fixture.spawn(Map.of("MyUser", 1L));

    assertThat(fixture.runner.userCount()).isEqualTo(1);
    assertThat(fixture.runner.exitCode()).isNull();
  }

  @Test
  void spawnWithTheWrongShapeIsDroppedAndTheWorkerCarriesOn() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.sent();

    fixture.fromMaster(MessageType.SPAWN, Map.of("timestamp", 5.0));
    fixture.fromMaster(MessageType.SPAWN, "not a map");
    fixture.fromMaster(MessageType.ACK, List.of(1L));
    fixture.spawn(Map.of("MyUser", 2L));

    assertThat(fixture.sentTypes())
        .containsExactly(
            MessageType.SPAWNING,
            MessageType.SPAWNING,
            MessageType.SPAWNING,
            MessageType.SPAWNING_COMPLETE);
    assertThat(fixture.runner.userCount()).isEqualTo(2);
  }

  @Test
  void customMessagesReachTheirListenerAndUnknownOnesAreDropped() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    List<Object> got = new CopyOnWriteArrayList<>();
    fixture.runner.registerMessage("acknowledge_users", (type, data, nodeId) -> got.add(data));
    fixture.runner.registerMessage(
        "broken",
        (type, data, nodeId) -> {
          throw new IllegalStateException("listener bug");
        });

    fixture.fromMaster("acknowledge_users", Map.of("users", 3L));
    fixture.fromMaster("broken", null);
    fixture.fromMaster("nobody_listens", "x");
    fixture.fromMaster("acknowledge_users", "again");

    assertThat(got).containsExactly(Map.of("users", 3L), "again");
    assertThat(fixture.runner.exitCode()).isNull();
  }

  @Test
  void sendMessageSendsACustomMessageToTheMaster() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.sent();

    fixture.runner.sendMessage("test_users", Map.of("count", 5L));

    Message custom = fixture.sent().getFirst();
    assertThat(custom)
        .isEqualTo(new Message("test_users", Map.of("count", 5L), fixture.client.nodeId()));
    assertThatThrownBy(() -> fixture.runner.sendMessage(MessageType.STATS, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reconnectRecreatesTheConnectionAndRegistersAgain() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.spawn(Map.of("MyUser", 2L));
    fixture.sent();

    fixture.fromMaster(MessageType.RECONNECT, null);

    assertThat(fixture.client.reconnects()).isEqualTo(1);
    assertThat(fixture.sentTypes()).containsExactly(MessageType.CLIENT_READY);
    fixture.fromMaster(MessageType.ACK, new AckPayload(4L).toData());
    fixture.advance(java.time.Duration.ofSeconds(5));
    assertThat(fixture.sentTypes()).doesNotContain(MessageType.CLIENT_READY);
    assertThat(fixture.runner.userCount()).isEqualTo(2);
  }

  @Test
  void failingEventListenersDoNotBreakTheProtocol() throws Exception {
    RunnerFixture fixture = new RunnerFixture().startRegistered();
    fixture.bridge.failingListeners = true;
    fixture.sent();

    fixture.spawn(Map.of("MyUser", 1L));
    fixture.advance(java.time.Duration.ofSeconds(3));
    fixture.fromMaster(MessageType.STOP, null);
    fixture.finishStopping();

    assertThat(fixture.sentTypes())
        .containsSubsequence(
            MessageType.SPAWNING,
            MessageType.SPAWNING_COMPLETE,
            MessageType.STATS,
            MessageType.CLIENT_STOPPED,
            MessageType.CLIENT_READY);
  }
}
