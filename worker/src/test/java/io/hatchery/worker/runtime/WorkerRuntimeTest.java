package io.hatchery.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.transport.RpcClient;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.testkit.InMemoryRpc;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The control thread of {@link WorkerRuntime} on an in-memory link and the system clock. */
@Timeout(20)
class WorkerRuntimeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final WorkerSettings SETTINGS = WorkerSettings.defaults("127.0.0.1", 5557);

  @Test
  void runnerQuitFromAnotherThreadEndsTheLoopWithExitZero() throws Exception {
    InMemoryRpc rpc = new InMemoryRpc();
    RpcClient client = rpc.connect("host_0123456789abcdef0123456789abcdef");
    FakeScenarioBridge bridge = new FakeScenarioBridge(InstantSource.system());
    WorkerRuntime runtime = WorkerRuntime.create(client, bridge, SETTINGS).start();

    String nodeId = await(rpc, MessageType.CLIENT_READY).nodeId();
    rpc.server().send(nodeId, new Message(MessageType.ACK, new AckPayload(2L).toData(), nodeId));
    await(rpc, MessageType.HEARTBEAT);
    assertThat(runtime.runner().workerIndex()).isEqualTo(2);
    Thread.ofVirtual().start(() -> runtime.runner().quit()).join();

    assertThat(runtime.awaitExit(WAIT)).isEqualTo(WorkerRuntime.EXIT_OK);
    assertThat(await(rpc, MessageType.QUIT).nodeId()).isEqualTo(nodeId);
    runtime.close();
  }

  @Test
  void closeQuitsARunningWorker() throws Exception {
    InMemoryRpc rpc = new InMemoryRpc();
    RpcClient client = rpc.connect("host_fedcba9876543210fedcba9876543210");
    WorkerRuntime runtime =
        WorkerRuntime.create(client, new FakeScenarioBridge(InstantSource.system()), SETTINGS)
            .start();
    await(rpc, MessageType.CLIENT_READY);

    runtime.close();

    assertThat(runtime.awaitExit(WAIT)).isEqualTo(WorkerRuntime.EXIT_OK);
  }

  @Test
  void aDeadTransportEndsTheWorkerWithExitOne() throws Exception {
    InMemoryRpc rpc = new InMemoryRpc();
    RpcClient dead = new FaultyRpcClient(rpc.connect("host_00000000000000000000000000000000"));
    WorkerRuntime runtime =
        WorkerRuntime.create(dead, new FakeScenarioBridge(InstantSource.system()), SETTINGS)
            .start();

    assertThat(runtime.awaitExit(WAIT)).isEqualTo(WorkerRuntime.EXIT_FAILURE);
  }

  private static Message await(InMemoryRpc rpc, String type) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    List<String> seen = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      RpcEvent event = rpc.server().receive(Duration.ofMillis(100));
      if (event instanceof RpcEvent.Received(String id, Message message)) {
        if (message.type().equals(type)) {
          return message;
        }
        seen.add(message.type());
      }
    }
    throw new AssertionError("no " + type + "; saw " + seen);
  }

  /** A client whose I/O thread has died: every receive throws, as the real transports do. */
  private record FaultyRpcClient(RpcClient delegate) implements RpcClient {
    @Override
    public String nodeId() {
      return delegate.nodeId();
    }

    @Override
    public boolean send(Message message) {
      return delegate.send(message);
    }

    @Override
    public Message receive(Duration timeout) {
      throw new IllegalStateException("I/O thread died", new OutOfMemoryError("simulated"));
    }

    @Override
    public void reconnect() {}

    @Override
    public void close() {
      delegate.close();
    }
  }
}
