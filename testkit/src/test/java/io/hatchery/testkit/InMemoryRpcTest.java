package io.hatchery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.transport.RpcEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryRpcTest {
  private static final Duration NO_WAIT = Duration.ZERO;

  @Test
  void recordsWhatEachEndSentIncludingMessagesForUnknownNodes() {
    InMemoryRpc rpc = new InMemoryRpc();
    InMemoryRpc.Client worker = rpc.connect("vm_a");

    worker.send(new Message(MessageType.CLIENT_READY, -1L, "vm_a"));
    rpc.server().send("vm_a", new Message(MessageType.ACK, Map.of("index", 0L), "vm_a"));
    rpc.server().send("vm_gone", new Message(MessageType.STOP, null, "vm_gone"));

    assertThat(worker.sent()).extracting(Message::type).containsExactly(MessageType.CLIENT_READY);
    assertThat(rpc.server().sent())
        .extracting(InMemoryRpc.Sent::nodeId)
        .containsExactly("vm_a", "vm_gone");
  }

  @Test
  void countsReconnectsAndReplaysInjectedFaults() throws Exception {
    InMemoryRpc rpc = new InMemoryRpc();
    InMemoryRpc.Client worker = rpc.connect("vm_a");
    ProtocolException bad = new ProtocolException("bad frame");
    RpcEvent.Malformed malformed = new RpcEvent.Malformed(new byte[] {0, 1}, bad);

    worker.reconnect();
    worker.inject(bad);
    rpc.server().inject(malformed);

    assertThat(rpc.client("vm_a").reconnects()).isEqualTo(1);
    assertThatThrownBy(() -> worker.receive(NO_WAIT)).isSameAs(bad);
    assertThat(rpc.server().receive(NO_WAIT)).isEqualTo(malformed);
  }

  @Test
  void laterClientWithTheSameNodeIdTakesOver() throws Exception {
    InMemoryRpc rpc = new InMemoryRpc();
    InMemoryRpc.Client old = rpc.connect("vm_a");
    InMemoryRpc.Client fresh = rpc.connect("vm_a");

    rpc.server().send("vm_a", new Message(MessageType.RECONNECT, null, "vm_a"));

    assertThat(old.receive(NO_WAIT)).isNull();
    assertThat(fresh.receive(NO_WAIT)).isEqualTo(new Message(MessageType.RECONNECT, null, "vm_a"));
    assertThat(List.of(rpc.client("vm_a"))).containsExactly(fresh);
  }
}
