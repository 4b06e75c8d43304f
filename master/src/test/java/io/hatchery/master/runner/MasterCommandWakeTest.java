package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.testkit.InMemoryRpc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A queued command wakes {@link Master}'s control thread: with every timer an hour away, the thread
 * waits in {@code receive} with nothing due, so a command can only run because it woke it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MasterCommandWakeTest {
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void queuedCommandsRunWithoutWaitingForATimerAndKeepTheirOrder() throws Exception {
    InMemoryRpc rpc = new InMemoryRpc();
    MasterSettings settings =
        MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1)))
            .withHeartbeatInterval(HOUR)
            .withSnapshotInterval(HOUR);
    try (Master master = Master.builder().settings(settings).rpc(rpc.server()).start()) {
      InMemoryRpc.Client worker = rpc.connect("w1");
      worker.send(new Message(MessageType.CLIENT_READY, -1L, "w1"));
      assertThat(Peers.receive(worker, MessageType.ACK)).isNotNull();

      master.sendMessage("first", 1L, "w1");
      master.sendMessage("second", 2L, "w1");
      master.sendMessage("third", 3L, "w1");

      List<String> types =
          List.of(
              worker.receive(Peers.WAIT).type(),
              worker.receive(Peers.WAIT).type(),
              worker.receive(Peers.WAIT).type());
      assertThat(types).containsExactly("first", "second", "third");

      master.quit();
      Peers.receive(worker, MessageType.QUIT);
      worker.send(new Message(MessageType.QUIT, null, "w1"));
      assertThat(master.awaitTermination(Peers.WAIT)).isTrue();
    }
  }

  @Test
  void quitEndsAnIdleMasterWithoutATimer() throws Exception {
    InMemoryRpc rpc = new InMemoryRpc();
    MasterSettings settings =
        MasterSettings.defaults(List.of(UserClassSpec.weighted("MyUser", 1)))
            .withHeartbeatInterval(HOUR)
            .withSnapshotInterval(HOUR);
    try (Master master = Master.builder().settings(settings).rpc(rpc.server()).start()) {
      master.quit();
      assertThat(master.awaitTermination(Peers.WAIT)).isTrue();
    }
  }
}
