package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Standalone mode: master and workers in one JVM over inproc://. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InprocRpcIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void roundTripsAndAddressesEachWorker() throws Exception {
    try (InprocRpc link = InprocRpc.open()) {
      RpcServer master = link.server();
      RpcClient a = link.connect("local_a");
      RpcClient b = link.connect("local_b");

      a.send(new Message(MessageType.CLIENT_READY, -1L, "local_a"));
      b.send(new Message(MessageType.CLIENT_READY, -1L, "local_b"));
      RpcEvent.Received first = (RpcEvent.Received) master.receive(WAIT);
      RpcEvent.Received second = (RpcEvent.Received) master.receive(WAIT);
      master.send("local_b", new Message(MessageType.ACK, Map.of("index", 1L), "local_b"));
      master.send("local_a", new Message(MessageType.ACK, Map.of("index", 0L), "local_a"));

      assertThat(java.util.List.of(first.nodeId(), second.nodeId()))
          .containsExactlyInAnyOrder("local_a", "local_b");
      assertThat(a.receive(WAIT))
          .isEqualTo(new Message(MessageType.ACK, Map.of("index", 0L), "local_a"));
      assertThat(b.receive(WAIT))
          .isEqualTo(new Message(MessageType.ACK, Map.of("index", 1L), "local_b"));
    }
  }

  @Test
  void closeStopsEveryEndAndRefusesNewWorkers() throws Exception {
    InprocRpc link = InprocRpc.open();
    RpcClient worker = link.connect("local_a");

    link.close();
    link.close();

    assertThat(worker.send(new Message(MessageType.QUIT, null, "local_a"))).isFalse();
    assertThat(link.server().receive(WAIT)).isNull();
    assertThatThrownBy(() -> link.connect("local_b")).isInstanceOf(IllegalStateException.class);
  }
}
