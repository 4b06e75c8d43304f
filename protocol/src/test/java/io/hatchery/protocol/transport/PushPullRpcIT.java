package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Locust 0.9 (G0) pair: PULL on P and PUSH on P+1 at the master. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PushPullRpcIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final Closer closer = new Closer();

  private static Message hatch(long seq) {
    // G0 masters send node_id nil: messages are not addressed.
    return new Message(MessageType.HATCH, Map.of("seq", seq), null);
  }

  @Test
  void portZeroBindsAConsecutivePairAndReportsTheLowerPort() throws Exception {
    PushPullRpcServer server = closer.remember(PushPullRpcServer.bind("127.0.0.1", 0));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");

    for (int port : List.of(server.port(), server.port() + 1)) {
      assertThatThrownBy(() -> new ServerSocket(port, 1, loopback).close())
          .as("port %d is bound by the server", port)
          .isInstanceOf(BindException.class);
    }
  }

  @Test
  void explicitPortWhosePairIsTakenFailsWithBindException() throws Exception {
    PushPullRpcServer first = closer.remember(PushPullRpcServer.bind("127.0.0.1", 0));

    assertThatThrownBy(() -> closer.remember(PushPullRpcServer.bind("127.0.0.1", first.port() - 1)))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void workerMessagesArriveNamedByThePayloadNodeId() throws Exception {
    PushPullRpcServer server = closer.remember(PushPullRpcServer.bind("127.0.0.1", 0));
    PushPullRpcClient worker =
        closer.remember(PushPullRpcClient.connect("127.0.0.1", server.port(), "vm_0"));

    worker.send(new Message(MessageType.CLIENT_READY, null, "vm_0"));

    assertThat(server.receive(WAIT))
        .isEqualTo(
            new RpcEvent.Received("vm_0", new Message(MessageType.CLIENT_READY, null, "vm_0")));
  }

  @Test
  void masterMessagesAreDealtRoundRobinToTwoWorkers() throws Exception {
    PushPullRpcServer server = closer.remember(PushPullRpcServer.bind("127.0.0.1", 0));
    PushPullRpcClient a =
        closer.remember(PushPullRpcClient.connect("127.0.0.1", server.port(), "vm_a"));
    PushPullRpcClient b =
        closer.remember(PushPullRpcClient.connect("127.0.0.1", server.port(), "vm_b"));
    awaitBothWorkersAttached(server, a, b);

    int perWorker = 10;
    for (long seq = 0; seq < 2 * perWorker; seq++) {
      server.send("ignored", hatch(seq));
    }

    List<Long> toA = receiveSeqs(a, perWorker);
    List<Long> toB = receiveSeqs(b, perWorker);
    assertThat(toA).hasSize(perWorker);
    assertThat(toB).hasSize(perWorker);
    List<Long> all = new ArrayList<>(toA);
    all.addAll(toB);
    assertThat(all)
        .containsExactlyInAnyOrder(
            0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L,
            19L);
    assertThat(toA).isSorted();
    assertThat(toB).isSorted();
  }

  /**
   * PUSH deals only to workers whose connection is up; until both are, probes may all go to one.
   * Sends probes until each worker has received one, then drains every probe sent.
   */
  private static void awaitBothWorkersAttached(
      PushPullRpcServer server, PushPullRpcClient a, PushPullRpcClient b) throws Exception {
    Message probe = new Message(MessageType.HEARTBEAT, null, null);
    int sent = 0;
    int received = 0;
    boolean aGotOne = false;
    boolean bGotOne = false;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!(aGotOne && bGotOne)) {
      assertThat(System.nanoTime()).as("both workers attached in time").isLessThan(deadline);
      server.send("ignored", probe);
      sent++;
      if (a.receive(Duration.ofMillis(50)) != null) {
        aGotOne = true;
        received++;
      }
      if (b.receive(Duration.ofMillis(50)) != null) {
        bGotOne = true;
        received++;
      }
    }
    while (received < sent) {
      Message left = a.receive(Duration.ofMillis(50));
      if (left == null) {
        left = b.receive(Duration.ofMillis(50));
      }
      if (left != null) {
        received++;
      }
      assertThat(System.nanoTime()).as("probes drained in time").isLessThan(deadline);
    }
  }

  private static List<Long> receiveSeqs(PushPullRpcClient worker, int count) throws Exception {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Message message = worker.receive(WAIT);
      assertThat(message).isNotNull();
      seqs.add((Long) ((Map<?, ?>) message.data()).get("seq"));
    }
    return seqs;
  }
}
