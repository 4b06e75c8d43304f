package io.hatchery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.transport.InprocRpc;
import io.hatchery.protocol.transport.RpcClient;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.RpcServer;
import io.hatchery.protocol.transport.ZmqRpcClient;
import io.hatchery.protocol.transport.ZmqRpcServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One body for every {@link RpcServer}/{@link RpcClient} pair: ROUTER/DEALER over TCP loopback,
 * inproc, and {@link InMemoryRpc} (STYLE.md §4.6.8). What passes here is the seam's contract.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RpcContractIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** A server plus a way to connect clients to it; closing it closes everything. */
  interface Link extends AutoCloseable {
    RpcServer server();

    RpcClient connect(String nodeId) throws Exception;

    @Override
    void close();
  }

  static Stream<Named<Supplier<Link>>> links() {
    return Stream.of(
        Named.of("ROUTER/DEALER over tcp", RpcContractIT::tcp),
        Named.of("inproc", RpcContractIT::inproc),
        Named.of("InMemoryRpc", RpcContractIT::inMemory));
  }

  private static Link tcp() {
    try {
      ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0);
      List<RpcClient> clients = new ArrayList<>();
      return new Link() {
        public RpcServer server() {
          return server;
        }

        public RpcClient connect(String nodeId) throws Exception {
          RpcClient client = ZmqRpcClient.connect("127.0.0.1", server.port(), nodeId);
          clients.add(client);
          return client;
        }

        public void close() {
          clients.forEach(RpcClient::close);
          server.close();
        }
      };
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Link inproc() {
    try {
      InprocRpc rpc = InprocRpc.open();
      return new Link() {
        public RpcServer server() {
          return rpc.server();
        }

        public RpcClient connect(String nodeId) throws Exception {
          return rpc.connect(nodeId);
        }

        public void close() {
          rpc.close();
        }
      };
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Link inMemory() {
    InMemoryRpc rpc = new InMemoryRpc();
    return new Link() {
      public RpcServer server() {
        return rpc.server();
      }

      public RpcClient connect(String nodeId) {
        return rpc.connect(nodeId);
      }

      public void close() {}
    };
  }

  private static Message numbered(String type, String nodeId, long sender, long seq) {
    return new Message(type, Map.of("sender", sender, "seq", seq), nodeId);
  }

  /** Connects a client and waits until the server has heard from it (so it can be addressed). */
  private static RpcClient joined(Link link, String nodeId) throws Exception {
    RpcClient client = link.connect(nodeId);
    client.send(new Message(MessageType.CLIENT_READY, -1L, nodeId));
    assertThat(link.server().receive(WAIT))
        .isEqualTo(
            new RpcEvent.Received(nodeId, new Message(MessageType.CLIENT_READY, -1L, nodeId)));
    return client;
  }

  @ParameterizedTest
  @MethodSource("links")
  void roundTripCarriesTheNodeIdAndWireTypes(Supplier<Link> links) throws Exception {
    try (Link link = links.get()) {
      RpcClient worker = joined(link, "vm_3c44d654dbd94c829a2b7241ef127297");

      link.server()
          .send(worker.nodeId(), new Message(MessageType.ACK, Map.of("index", 3), worker.nodeId()));

      // An Integer goes out and a Long comes back, as over the wire.
      assertThat(worker.receive(WAIT))
          .isEqualTo(new Message(MessageType.ACK, Map.of("index", 3L), worker.nodeId()));
    }
  }

  @ParameterizedTest
  @MethodSource("links")
  void messageForOneWorkerNeverReachesAnother(Supplier<Link> links) throws Exception {
    try (Link link = links.get()) {
      RpcClient a = joined(link, "host_a");
      RpcClient b = joined(link, "host_b");

      for (long seq = 0; seq < 20; seq++) {
        link.server().send("host_a", numbered(MessageType.SPAWN, "host_a", 0, seq));
        link.server().send("host_b", numbered(MessageType.SPAWN, "host_b", 0, seq));
        link.server().send("nobody_here", numbered(MessageType.SPAWN, "nobody_here", 0, seq));
      }
      link.server().send("host_a", new Message(MessageType.STOP, null, "host_a"));
      link.server().send("host_b", new Message(MessageType.STOP, null, "host_b"));

      for (RpcClient worker : List.of(a, b)) {
        for (long seq = 0; seq < 20; seq++) {
          assertThat(worker.receive(WAIT))
              .isEqualTo(numbered(MessageType.SPAWN, worker.nodeId(), 0, seq));
        }
        assertThat(worker.receive(WAIT))
            .isEqualTo(new Message(MessageType.STOP, null, worker.nodeId()));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("links")
  void concurrentSendersLoseNothingAndKeepPerSenderOrder(Supplier<Link> links) throws Exception {
    int senders = 8;
    // Worker to master: 2000 messages, beyond ZeroMQ's high-water mark of 1000 (a DEALER waits).
    int perSender = 250;
    // Master to worker: a ROUTER drops at the high-water mark, as Locust's does, so stay under it.
    int perSenderToWorker = 100;
    try (Link link = links.get()) {
      RpcClient worker = joined(link, "vm_busy");

      runConcurrently(
          senders,
          perSender,
          (sender, seq) -> worker.send(numbered(MessageType.STATS, "vm_busy", sender, seq)));
      List<Message> atServer = new ArrayList<>();
      for (int i = 0; i < senders * perSender; i++) {
        RpcEvent event = link.server().receive(WAIT);
        assertThat(event).isInstanceOf(RpcEvent.Received.class);
        atServer.add(((RpcEvent.Received) event).message());
      }
      runConcurrently(
          senders,
          perSenderToWorker,
          (sender, seq) ->
              link.server().send("vm_busy", numbered(MessageType.SPAWN, "vm_busy", sender, seq)));
      List<Message> atWorker = new ArrayList<>();
      for (int i = 0; i < senders * perSenderToWorker; i++) {
        Message message = worker.receive(WAIT);
        assertThat(message).as("message %d at the worker", i).isNotNull();
        atWorker.add(message);
      }

      assertEveryPerSenderSequenceComplete(atServer, senders, perSender);
      assertEveryPerSenderSequenceComplete(atWorker, senders, perSenderToWorker);
    }
  }

  @ParameterizedTest
  @MethodSource("links")
  void oversizedMessageIsRejectedAtSend(Supplier<Link> links) throws Exception {
    try (Link link = links.get()) {
      RpcClient worker = link.connect("vm_a");
      Message huge =
          new Message(MessageType.LOGS, new byte[DecodeLimits.DEFAULT.maxFrameBytes()], "vm_a");

      assertThatThrownBy(() -> worker.send(huge)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> link.server().send("vm_a", huge))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("links")
  void closedEndsRefuseToSendAndReceiveNothing(Supplier<Link> links) throws Exception {
    try (Link link = links.get()) {
      RpcClient worker = joined(link, "vm_a");

      worker.close();
      worker.close();
      link.server().close();
      link.server().close();

      assertThat(worker.send(new Message(MessageType.QUIT, null, "vm_a"))).isFalse();
      assertThat(link.server().send("vm_a", new Message(MessageType.QUIT, null, "vm_a"))).isFalse();
      assertThat(link.server().receive(WAIT)).isNull();
      assertThat(worker.receive(WAIT)).isNull();
    }
  }

  interface Send {
    boolean send(long sender, long seq) throws Exception;
  }

  private static void runConcurrently(int senders, int perSender, Send send) throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (long sender = 0; sender < senders; sender++) {
      long id = sender;
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      for (long seq = 0; seq < perSender; seq++) {
                        assertThat(send.send(id, seq)).isTrue();
                      }
                    } catch (Throwable t) {
                      failures.add(t);
                    }
                  }));
    }
    for (Thread thread : threads) {
      assertThat(thread.join(WAIT)).isTrue();
    }
    assertThat(failures).isEmpty();
  }

  private static void assertEveryPerSenderSequenceComplete(
      List<Message> messages, int senders, int perSender) {
    Map<Object, List<Object>> seqsBySender = new HashMap<>();
    for (Message message : messages) {
      Map<?, ?> data = (Map<?, ?>) message.data();
      seqsBySender.computeIfAbsent(data.get("sender"), s -> new ArrayList<>()).add(data.get("seq"));
    }
    List<Object> expected = new ArrayList<>();
    for (long seq = 0; seq < perSender; seq++) {
      expected.add(seq);
    }
    assertThat(seqsBySender).hasSize(senders);
    seqsBySender.values().forEach(seqs -> assertThat(seqs).isEqualTo(expected));
  }
}
