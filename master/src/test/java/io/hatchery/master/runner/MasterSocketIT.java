package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.InprocRpc;
import io.hatchery.protocol.transport.PushPullRpcClient;
import io.hatchery.protocol.transport.RpcClient;
import io.hatchery.protocol.transport.ZmqRpcClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The threaded {@link Master} over real ZeroMQ sockets (ephemeral loopback ports) and inproc. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MasterSocketIT {
  private static final List<UserClassSpec> CLASSES = List.of(UserClassSpec.weighted("MyUser", 1));

  @Test
  void g2WorkerRegistersRunsAndQuitsOverTcp() throws Exception {
    try (Master master = Master.builder().userClasses(CLASSES).bind("127.0.0.1", 0).start();
        ZmqRpcClient worker = ZmqRpcClient.connect("127.0.0.1", master.port(), "it_a1")) {
      runOneWorker(master, worker);
    }
  }

  @Test
  void standaloneMasterAndWorkerShareOneJvmOverInproc() throws Exception {
    try (InprocRpc link = InprocRpc.open();
        Master master = Master.builder().userClasses(CLASSES).rpc(link.server()).start()) {
      runOneWorker(master, link.connect("local_a1"));
    }
  }

  @Test
  void g0WorkerSpeaksPushPull() throws Exception {
    try (Master master = Master.builder().userClasses(CLASSES).bindLegacy("127.0.0.1", 0).start();
        PushPullRpcClient worker =
            PushPullRpcClient.connect("127.0.0.1", master.port(), "old_a1")) {
      worker.send(new Message(MessageType.CLIENT_READY, null, "old_a1"));
      Peers.await(master, s -> s.workers().size() == 1);
      assertThat(master.snapshot().workers().get(0).dialect()).isEqualTo("G0");

      master.start(SwarmRequest.of(3, 1.5));
      Message hatch = Peers.receive(worker, MessageType.HATCH);
      assertThat(((Map<?, ?>) hatch.data()).get("num_clients")).isEqualTo(3L);
      assertThat(hatch.nodeId()).isNull();
      worker.send(new Message(MessageType.HATCHING, null, "old_a1"));
      worker.send(new Message(MessageType.HATCH_COMPLETE, Map.of("count", 3L), "old_a1"));
      Peers.await(master, s -> s.state() == RunState.RUNNING && s.userCount() == 3);

      master.quit();
      Peers.receive(worker, MessageType.QUIT);
      worker.send(new Message(MessageType.QUIT, null, "old_a1"));
      assertThat(master.awaitTermination(Peers.WAIT)).isTrue();
    }
  }

  @Test
  void hostileMessagesOverTcpDoNotStopTheControlThread() throws Exception {
    try (Master master = Master.builder().userClasses(CLASSES).bind("127.0.0.1", 0).start();
        ZmqRpcClient rogue = ZmqRpcClient.connect("127.0.0.1", master.port(), "rogue_1")) {
      rogue.send(new Message(MessageType.CLIENT_READY, 5L, "rogue_1"));
      rogue.send(new Message(MessageType.CLIENT_READY, -1L, "someone_else"));
      rogue.send(new Message(MessageType.HEARTBEAT, Map.of("cpu", 1L), "rogue_1"));
      rogue.send(new Message(MessageType.STATS, Map.of("stats", "nope"), "rogue_1"));
      rogue.send(new Message(MessageType.SPAWNING_COMPLETE, List.of(1L), "rogue_1"));
      rogue.send(new Message(MessageType.EXCEPTION, null, "rogue_1"));
      rogue.send(new Message("custom_type", Map.of(1L, List.of()), "rogue_1"));
      Peers.receive(rogue, MessageType.ACK); // registered under its identity, once -1 arrived

      try (ZmqRpcClient worker = ZmqRpcClient.connect("127.0.0.1", master.port(), "good_a1")) {
        worker.send(new Message(MessageType.CLIENT_READY, "", "good_a1"));
        assertThat(Peers.receive(worker, MessageType.ACK).data()).isEqualTo(Map.of("index", 1L));
        master.start(SwarmRequest.of(2, 10.0));
        Message spawn = Peers.receive(worker, MessageType.SPAWN);
        assertThat(((Map<?, ?>) spawn.data()).get("user_classes_count"))
            .isEqualTo(Map.of("MyUser", 1L));
        Peers.await(master, s -> s.degraded().stream().anyMatch(r -> r.contains("malformed")));
      }
      master.quit();
    }
  }

  @Test
  void invalidRequestsAreRefusedOnTheCallersThread() throws Exception {
    try (Master master = Master.builder().userClasses(CLASSES).bind("127.0.0.1", 0).start()) {
      assertThatThrownBy(() -> master.start(SwarmRequest.of(-1, 1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> master.start(SwarmRequest.of(1, 0)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  master.start(
                      new SwarmRequest(1, 1, Optional.of("ftp://x"), Optional.empty(), List.of())))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  master.start(
                      new SwarmRequest(1, 1, Optional.empty(), Optional.empty(), List.of("Nope"))))
          .hasMessageContaining("Nope");
      assertThatThrownBy(() -> master.sendMessage(MessageType.SPAWN, null, null))
          .isInstanceOf(IllegalArgumentException.class);
      master.quit();
      assertThatThrownBy(() -> master.start(SwarmRequest.of(1, 1)))
          .isInstanceOf(IllegalStateException.class);
      assertThat(master.awaitTermination(Peers.WAIT)).isTrue();
    }
  }

  private static void runOneWorker(Master master, RpcClient worker) throws Exception {
    String id = worker.nodeId();
    worker.send(new Message(MessageType.CLIENT_READY, -1L, id));
    assertThat(Peers.receive(worker, MessageType.ACK).data()).isEqualTo(Map.of("index", 0L));
    worker.send(new Message(MessageType.HEARTBEAT, beat(WorkerState.READY), id));
    assertThat(Peers.receive(worker, MessageType.HEARTBEAT).data()).isNull();

    master.start(SwarmRequest.of(2, 10.0));
    Message spawn = Peers.receive(worker, MessageType.SPAWN);
    Object counts = ((Map<?, ?>) spawn.data()).get("user_classes_count");
    assertThat(counts).isEqualTo(Map.of("MyUser", 2L));
    worker.send(new Message(MessageType.SPAWNING, null, id));
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("user_classes_count", counts);
    done.put("user_count", 2L);
    worker.send(new Message(MessageType.SPAWNING_COMPLETE, done, id));
    Peers.await(master, s -> s.state() == RunState.RUNNING && s.userCount() == 2);

    worker.send(new Message(MessageType.STATS, StatsData.requests("/a", 9), id));
    Peers.await(master, s -> s.stats().total().numRequests() == 9);

    master.quit();
    Peers.receive(worker, MessageType.QUIT);
    worker.send(new Message(MessageType.QUIT, null, id));
    assertThat(master.awaitTermination(Peers.WAIT)).isTrue();
    assertThat(master.snapshot().state()).isEqualTo(RunState.STOPPED);
    assertThat(master.snapshot().stats().total().numRequests()).isEqualTo(9);
  }

  private static Map<String, Object> beat(WorkerState state) {
    return new HeartbeatPayload(state, 3.0, 2048L).toMap();
  }
}
