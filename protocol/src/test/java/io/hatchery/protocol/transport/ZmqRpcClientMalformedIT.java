package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A master that is not ours sends the worker a bad frame: one exception, then business as usual.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZmqRpcClientMalformedIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void badFrameFromTheMasterIsThrownOnceAndTheNextMessageArrives() throws Exception {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      router.setReceiveTimeOut((int) WAIT.toMillis());
      int port = router.bindToRandomPort("tcp://127.0.0.1");
      try (ZmqRpcClient worker = ZmqRpcClient.connect("127.0.0.1", port, "vm_w")) {
        worker.send(new Message(MessageType.CLIENT_READY, -1L, "vm_w"));
        byte[] identity = router.recv();
        router.recv();
        Message ack = new Message(MessageType.ACK, null, "vm_w");

        router.sendMore(identity);
        router.send(new byte[] {(byte) 0xc1});
        router.sendMore(identity);
        router.send(MessageCodec.encode(ack));

        assertThat(identity).asString().isEqualTo("vm_w");
        assertThatThrownBy(() -> worker.receive(WAIT)).isInstanceOf(ProtocolException.class);
        assertThat(worker.receive(WAIT)).isEqualTo(ack);
      }
    }
  }
}
