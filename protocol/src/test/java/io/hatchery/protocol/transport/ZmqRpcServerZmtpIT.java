package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ZMTP details of {@link ZmqRpcServer} that stock clients never exercise, driven over raw
 * sockets: keep-alive pings, handshake deadlines, broken greetings, identity takeover and a worker
 * that stops reading.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZmqRpcServerZmtpIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final Closer closer = new Closer();

  private ZmqRpcServer server() throws Exception {
    return closer.remember(ZmqRpcServer.bind("127.0.0.1", 0));
  }

  private RawZmtpDealer raw(ZmqRpcServer server, String identity) throws Exception {
    return closer.remember(RawZmtpDealer.handshake(server.port(), identity, WAIT));
  }

  private static Message heartbeat(String nodeId, long seq) {
    return new Message(MessageType.HEARTBEAT, Map.of("seq", seq), nodeId);
  }

  /** A stock JeroMQ worker still gets through: the server survived whatever came before. */
  private void assertStillServing(ZmqRpcServer server) throws Exception {
    ZmqRpcClient good =
        closer.remember(ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_good"));
    good.send(heartbeat("vm_good", 1));
    RpcEvent event = server.receive(WAIT);
    assertThat(event).isEqualTo(new RpcEvent.Received("vm_good", heartbeat("vm_good", 1)));
  }

  @Test
  void pingIsAnsweredWithAPongCarryingItsContext() throws Exception {
    ZmqRpcServer server = server();
    RawZmtpDealer dealer = raw(server, "vm_ping");
    byte[] ping = new ZmtpCommand(ZmtpCommand.PING, new byte[] {0, 100, 'a', 'b'}).toFrame();

    dealer.write(ping);

    byte[] pong = dealer.readFrame();
    assertThat(ZmtpCommand.parse(pong))
        .isEqualTo(new ZmtpCommand(ZmtpCommand.PONG, new byte[] {'a', 'b'}));
  }

  @Test
  void connectionThatNeverCompletesTheHandshakeIsClosed() throws Exception {
    ZmqRpcServer server = server();
    RawZmtpDealer silent = closer.remember(RawZmtpDealer.connect(server.port(), WAIT));

    assertThat(silent.closedByPeer()).isTrue();
    assertStillServing(server);
  }

  @Test
  void brokenGreetingsAndForbiddenSocketTypesAreDisconnected() throws Exception {
    ZmqRpcServer server = server();
    RawZmtpDealer http = closer.remember(RawZmtpDealer.connect(server.port(), WAIT));
    http.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    RawZmtpDealer plain = closer.remember(RawZmtpDealer.connect(server.port(), WAIT));
    byte[] plainGreeting = ZmtpGreeting.ours();
    System.arraycopy("PLAIN".getBytes(StandardCharsets.US_ASCII), 0, plainGreeting, 12, 5);
    plain.write(plainGreeting);

    assertThat(http.closedByPeer()).isTrue();
    assertThat(plain.closedByPeer()).isTrue();
    assertStillServing(server);
  }

  @Test
  void newConnectionWithTheSameIdentityTakesItOverAndTheOldOneIsClosed() throws Exception {
    ZmqRpcServer server = server();
    RawZmtpDealer first = raw(server, "vm_twice");
    first.write(RawZmtpDealer.frame(0, MessageCodec.encode(heartbeat("vm_twice", 1))));
    assertThat(server.receive(WAIT)).isInstanceOf(RpcEvent.Received.class);

    RawZmtpDealer second = raw(server, "vm_twice");
    second.write(RawZmtpDealer.frame(0, MessageCodec.encode(heartbeat("vm_twice", 2))));
    assertThat(server.receive(WAIT))
        .isEqualTo(new RpcEvent.Received("vm_twice", heartbeat("vm_twice", 2)));
    server.send("vm_twice", new Message(MessageType.ACK, null, "vm_twice"));

    assertThat(MessageCodec.decode(second.readFrame()))
        .isEqualTo(new Message(MessageType.ACK, null, "vm_twice"));
    assertThat(first.closedByPeer()).isTrue();
  }

  @Test
  void workerThatStopsReadingNeverHoldsUpTheOthers() throws Exception {
    ZmqRpcServer server = server();
    raw(server, "vm_stalled");
    ZmqRpcClient other = closer.remember(ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_b"));
    other.send(heartbeat("vm_b", 0));
    assertThat(server.receive(WAIT)).isInstanceOf(RpcEvent.Received.class);
    byte[] filler = new byte[8 * 1024];

    // Far beyond the socket buffers and the 1000-message high-water mark of the stalled worker.
    for (int i = 0; i < 5_000; i++) {
      server.send("vm_stalled", new Message(MessageType.LOGS, filler, "vm_stalled"));
    }
    server.send("vm_b", heartbeat("vm_b", 1));

    assertThat(other.receive(WAIT)).isEqualTo(heartbeat("vm_b", 1));
  }
}
