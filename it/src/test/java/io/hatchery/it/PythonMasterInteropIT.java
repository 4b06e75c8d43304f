package io.hatchery.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.ClientReadyPayload;
import io.hatchery.protocol.payload.HeartbeatPayload;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.payload.SpawningCompletePayload;
import io.hatchery.protocol.payload.WorkerState;
import io.hatchery.protocol.transport.ZmqRpcClient;
import io.hatchery.stats.ErrorTexts;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.wire.StatsReportMaps;
import io.hatchery.testkit.LocustProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our DEALER transport, codec and stats wire form, acting as a worker, join a real headless Python
 * Locust 2.12.1 master: it must accept {@code client_ready} -1, dispatch its ramp to us, merge the
 * stats we report into its final table, and end the run with {@code quit}.
 */
@Timeout(120)
class PythonMasterInteropIT {
  private static final Duration STEP = Duration.ofSeconds(20);
  private static final String LOCUSTFILE =
      """
      from locust import HttpUser, task

      class MyUser(HttpUser):
          @task
          def never_runs_on_the_master(self):
              pass
      """;

  @Test
  void pythonMasterDispatchesToUsAndMergesOurStats(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("locustfile.py"), LOCUSTFILE);
    int port = freeLoopbackPort();
    String nodeId = InetAddress.getLocalHost().getHostName() + "_" + randomHex32();
    ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    try (LocustProcess master =
            LocustProcess.start(
                dir,
                "-f",
                "locustfile.py",
                "--master",
                "--headless",
                "--master-bind-host",
                "127.0.0.1",
                "--master-bind-port",
                Integer.toString(port),
                "--expect-workers",
                "1",
                "-u",
                "3",
                "-r",
                "2",
                "-t",
                "6s",
                "--host",
                "http://127.0.0.1:9");
        ZmqRpcClient client = ZmqRpcClient.connect("127.0.0.1", port, nodeId)) {
      client.send(
          new Message(MessageType.CLIENT_READY, ClientReadyPayload.minusOne().toData(), nodeId));
      Message ack = awaitType(client, MessageType.ACK, master);
      assertThat(AckPayload.from(ack.data()).index()).isZero();

      AtomicReference<WorkerState> state = new AtomicReference<>(WorkerState.READY);
      heartbeats.scheduleAtFixedRate(
          () -> client.send(heartbeat(nodeId, state.get())), 0, 1, TimeUnit.SECONDS);

      List<SpawnPayload> spawns = new ArrayList<>();
      while (spawns.isEmpty() || spawns.getLast().userCount() < 3) {
        SpawnPayload spawn = SpawnPayload.from(awaitType(client, MessageType.SPAWN, master).data());
        spawns.add(spawn);
        state.set(WorkerState.SPAWNING);
        client.send(new Message(MessageType.SPAWNING, null, nodeId));
        client.send(
            new Message(
                MessageType.SPAWNING_COMPLETE,
                SpawningCompletePayload.of(spawn.userClassesCount()).toData(),
                nodeId));
        state.set(WorkerState.RUNNING);
      }
      // -u 3 -r 2: two users at once, the third one second later (protocol.md §9).
      assertThat(spawns)
          .extracting(SpawnPayload::userClassesCount)
          .containsExactly(Map.of("MyUser", 2L), Map.of("MyUser", 3L));
      assertThat(spawns.get(1).timestampEpochSeconds())
          .isGreaterThan(spawns.get(0).timestampEpochSeconds());
      assertThat(spawns.getLast().parsedOptions()).containsEntry("num_users", 3L);

      client.send(statsReport(nodeId));

      awaitType(client, MessageType.QUIT, master);
      heartbeats.shutdownNow();
      client.send(new Message(MessageType.QUIT, null, nodeId));
      // Locust exits 1 when any request failed (--exit-code-on-error), and ours had 5 failures.
      assertThat(master.awaitExit(STEP)).as(master.log()).isEqualTo(1);

      // The master's final console table (locust/stats.py print_stats) holds our numbers.
      assertThat(master.log())
          .as(master.log())
          .containsPattern("GET\\s+/interop\\s+25\\s+0\\(0\\.00%\\)")
          .containsPattern("GET\\s+/interop-fail\\s+5\\s+5\\(100\\.00%\\)")
          .containsPattern("Aggregated\\s+30\\s+5\\(16\\.67%\\)")
          .containsPattern("5\\s+GET /interop-fail: .?HTTPError\\('503 Server Error'\\)");
    } finally {
      heartbeats.shutdownNow();
    }
  }

  private static Message statsReport(String nodeId) {
    StatsRecorder recorder = new StatsRecorder(InstantSource.system());
    for (int i = 0; i < 25; i++) {
      recorder.record("/interop", "GET", 5 + i, 100);
    }
    String error = ErrorTexts.ofException("HTTPError", "503 Server Error");
    for (int i = 0; i < 5; i++) {
      recorder.recordFailure("/interop-fail", "GET", 150.5, 0, error);
    }
    Map<String, Object> data = StatsReportMaps.toMap(recorder.snapshot());
    data.put(PayloadKeys.USER_CLASSES_COUNT, Map.of("MyUser", 3L));
    data.put(PayloadKeys.USER_COUNT, 3L);
    return new Message(MessageType.STATS, data, nodeId);
  }

  private static Message heartbeat(String nodeId, WorkerState state) {
    HeartbeatPayload heartbeat = new HeartbeatPayload(state, 1.5, 64L * 1024 * 1024);
    return new Message(MessageType.HEARTBEAT, heartbeat.toData(), nodeId);
  }

  private static Message awaitType(ZmqRpcClient client, String type, LocustProcess master)
      throws Exception {
    Instant deadline = Instant.now().plus(STEP);
    List<String> seen = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      Message message = client.receive(Duration.between(Instant.now(), deadline));
      if (message != null && message.type().equals(type)) {
        return message;
      }
      if (message != null) {
        seen.add(message.type());
      }
    }
    throw new AssertionError(
        "no " + type + " within " + STEP + "; saw " + seen + "\n" + master.log());
  }

  private static String randomHex32() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * A loopback port that was free a moment ago. Python Locust reports no port when it binds port 0,
   * so an external master needs one chosen for it.
   */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
