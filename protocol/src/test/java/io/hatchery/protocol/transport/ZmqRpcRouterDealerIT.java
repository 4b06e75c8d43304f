package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZmqRpcRouterDealerIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final Closer closer = new Closer();

  private ZmqRpcServer server() throws Exception {
    return closer.remember(ZmqRpcServer.bind("127.0.0.1", 0));
  }

  private ZmqRpcClient client(ZmqRpcServer server, String nodeId) throws Exception {
    return closer.remember(ZmqRpcClient.connect("127.0.0.1", server.port(), nodeId));
  }

  private static Message heartbeat(String nodeId, long seq) {
    return new Message(MessageType.HEARTBEAT, Map.of("seq", seq), nodeId);
  }

  private static RpcEvent.Received received(RpcServer server) throws InterruptedException {
    RpcEvent event = server.receive(WAIT);
    assertThat(event).isInstanceOf(RpcEvent.Received.class);
    return (RpcEvent.Received) event;
  }

  @Test
  void portZeroReportsTheEphemeralPortAClientCanReach() throws Exception {
    ZmqRpcServer server = server();
    assertThat(server.port()).isBetween(1, 65_535);

    client(server, "vm_a").send(heartbeat("vm_a", 1));

    assertThat(received(server).message()).isEqualTo(heartbeat("vm_a", 1));
  }

  @Test
  void wildcardHostAndPortZeroReportTheRealPort() throws Exception {
    ZmqRpcServer server = closer.remember(ZmqRpcServer.bind("*", 0));
    assertThat(server.port()).isBetween(1, 65_535);

    client(server, "vm_a").send(heartbeat("vm_a", 1));

    assertThat(received(server).nodeId()).isEqualTo("vm_a");
  }

  @Test
  void bindingAPortInUseFailsWithBindException() throws Exception {
    ZmqRpcServer first = server();

    assertThatThrownBy(() -> closer.remember(ZmqRpcServer.bind("127.0.0.1", first.port())))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("127.0.0.1:" + first.port())
        .hasMessageContaining("in use");
  }

  @Test
  void serverSeesTheNodeIdAsIdentityAndRepliesToIt() throws Exception {
    ZmqRpcServer server = server();
    ZmqRpcClient client = client(server, "vm_3c44d654dbd94c829a2b7241ef127297");

    client.send(new Message(MessageType.CLIENT_READY, -1L, client.nodeId()));
    RpcEvent.Received ready = received(server);
    server.send(ready.nodeId(), new Message(MessageType.ACK, Map.of("index", 0L), ready.nodeId()));

    assertThat(ready.nodeId()).isEqualTo(client.nodeId());
    assertThat(ready.message().data()).isEqualTo(-1L);
    assertThat(client.receive(WAIT))
        .isEqualTo(new Message(MessageType.ACK, Map.of("index", 0L), client.nodeId()));
  }

  @Test
  void messageForOneWorkerNeverReachesAnother() throws Exception {
    ZmqRpcServer server = server();
    ZmqRpcClient a = client(server, "host_a");
    ZmqRpcClient b = client(server, "host_b");
    a.send(heartbeat("host_a", 0));
    b.send(heartbeat("host_b", 0));
    received(server);
    received(server);

    for (long seq = 1; seq <= 20; seq++) {
      server.send("host_a", heartbeat("host_a", seq));
      server.send("host_b", heartbeat("host_b", seq));
    }
    server.send("host_a", new Message(MessageType.STOP, null, "host_a"));
    server.send("host_b", new Message(MessageType.STOP, null, "host_b"));

    for (ZmqRpcClient client : List.of(a, b)) {
      for (long seq = 1; seq <= 20; seq++) {
        assertThat(client.receive(WAIT)).isEqualTo(heartbeat(client.nodeId(), seq));
      }
      assertThat(client.receive(WAIT))
          .isEqualTo(new Message(MessageType.STOP, null, client.nodeId()));
    }
  }

  @Test
  void reconnectKeepsTheIdentityAndTheServerReachesTheClientAgain() throws Exception {
    ZmqRpcServer server = server();
    ZmqRpcClient client = client(server, "vm_reconnecting");
    client.send(heartbeat(client.nodeId(), 1));
    assertThat(received(server).nodeId()).isEqualTo("vm_reconnecting");

    client.reconnect();
    client.send(heartbeat(client.nodeId(), 2));
    RpcEvent.Received afterReconnect = received(server);
    server.send(afterReconnect.nodeId(), new Message(MessageType.ACK, null, client.nodeId()));

    assertThat(afterReconnect)
        .isEqualTo(new RpcEvent.Received("vm_reconnecting", heartbeat("vm_reconnecting", 2)));
    assertThat(client.receive(WAIT)).isEqualTo(new Message(MessageType.ACK, null, client.nodeId()));
  }

  @Test
  void sendRejectsAFrameAboveTheLimitAndKeepsServing() throws Exception {
    ZmqRpcServer server = server();
    ZmqRpcClient client = client(server, "vm_a");
    byte[] tooBig = new byte[DecodeLimits.DEFAULT.maxFrameBytes()];

    assertThatThrownBy(() -> client.send(new Message(MessageType.LOGS, tooBig, "vm_a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the frame limit");
    assertThatThrownBy(() -> server.send("vm_a", new Message(MessageType.LOGS, tooBig, "vm_a")))
        .isInstanceOf(IllegalArgumentException.class);

    client.send(heartbeat("vm_a", 1));
    assertThat(received(server).message()).isEqualTo(heartbeat("vm_a", 1));
  }

  @Test
  void slowConsumerLosesNothingWhileTheInboundQueueIsFull() throws Exception {
    ZmqRpcServer server =
        closer.remember(ZmqRpcServer.bind("127.0.0.1", 0, DecodeLimits.DEFAULT, 4));
    ZmqRpcClient client = client(server, "vm_fast");
    int count = 3_000;

    for (long seq = 0; seq < count; seq++) {
      assertThat(client.send(heartbeat("vm_fast", seq))).isTrue();
    }

    for (long seq = 0; seq < count; seq++) {
      assertThat(received(server).message()).isEqualTo(heartbeat("vm_fast", seq));
    }
  }

  @Test
  void sendNeverBlocksWhileTheMasterIsUnreachableAndDropsOnceTheQueueIsFull() throws Exception {
    int deadPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = probe.getLocalPort();
    }
    ZmqRpcClient client = closer.remember(ZmqRpcClient.connect("127.0.0.1", deadPort, "vm_alone"));
    // Our queue plus ZeroMQ's high-water mark of 1000, with room to spare.
    int attempts = SocketLoop.QUEUE_CAPACITY + 5_000;

    int accepted = 0;
    for (int seq = 0; seq < attempts; seq++) {
      accepted += client.send(heartbeat("vm_alone", seq)) ? 1 : 0;
    }

    assertThat(accepted).isBetween(SocketLoop.QUEUE_CAPACITY, attempts - 1);
  }

  @Test
  void wakeReceiverEndsAWaitingReceiveAndWakeUpsDoNotAccumulate() throws Exception {
    ZmqRpcServer server = server();
    ZmqRpcClient client = client(server, "vm_a");
    Duration forever = Duration.ofMinutes(10);
    CompletableFuture<RpcEvent> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return server.receive(forever);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    // Whether or not the receive is already waiting, the wake-up ends it (or the next one).
    server.wakeReceiver();
    assertThat(waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNull();
    server.wakeReceiver();
    server.wakeReceiver();
    assertThat(server.receive(forever)).isNull();
    client.send(heartbeat("vm_a", 1));

    assertThat(received(server).message()).isEqualTo(heartbeat("vm_a", 1));
  }

  @Test
  void closeIsIdempotentStopsTheIoThreadAndLaterSendsAreRefused() throws Exception {
    ZmqRpcServer server = server();
    ZmqRpcClient client = client(server, "vm_a");

    client.close();
    client.close();
    server.close();
    server.close();

    assertThat(client.isIoThreadAlive()).isFalse();
    assertThat(server.isIoThreadAlive()).isFalse();
    assertThat(client.send(heartbeat("vm_a", 1))).isFalse();
    assertThat(server.send("vm_a", heartbeat("vm_a", 1))).isFalse();
    assertThat(server.receive(WAIT)).isNull();
  }
}
