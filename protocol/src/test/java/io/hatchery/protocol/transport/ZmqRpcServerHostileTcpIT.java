package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Raw TCP against the master's port, below ZeroMQ: the 74-byte attack of reliability.md §3.4 (a
 * valid ZMTP 3.0 NULL handshake, then a frame header announcing about 2 GB). Without {@code
 * ZMQ_MAXMSGSIZE} JeroMQ 0.6.0's I/O thread dies of OutOfMemoryError and no worker is served again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ZmqRpcServerHostileTcpIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void handCraftedHandshakeIsAcceptedSoTheAttackBelowReachesTheFrameDecoder() throws Exception {
    Message hello = new Message(MessageType.CLIENT_READY, -1L, "vm_raw");
    byte[] payload = MessageCodec.encode(hello);
    try (ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0);
        Socket peer = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      peer.setSoTimeout((int) WAIT.toMillis());
      handshake(peer, "vm_raw");
      peer.getOutputStream().write(new byte[] {0x00, (byte) payload.length});
      peer.getOutputStream().write(payload);

      assertThat(server.receive(WAIT)).isEqualTo(new RpcEvent.Received("vm_raw", hello));
    }
  }

  @Test
  void frameHeaderAnnouncingTwoGigabytesGetsThePeerDroppedAndServingGoesOn() throws Exception {
    try (ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0);
        Socket attacker = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      attacker.setSoTimeout((int) WAIT.toMillis());
      handshake(attacker, "evil");
      attacker.getOutputStream().write(longFrameHeader(2_147_483_632L));
      attacker.getOutputStream().flush();

      // Returns at end of stream: the server closed the connection (a timeout would throw).
      drainUntilClosed(attacker.getInputStream());
      try (ZmqRpcClient worker = ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_after")) {
        worker.send(new Message(MessageType.CLIENT_READY, -1L, "vm_after"));
        assertThat(server.receive(WAIT))
            .isEqualTo(
                new RpcEvent.Received(
                    "vm_after", new Message(MessageType.CLIENT_READY, -1L, "vm_after")));
      }
      assertThat(server.isIoThreadAlive()).isTrue();
    }
  }

  /**
   * Plays the DEALER side of a ZMTP 3.0 NULL handshake the way libzmq paces it: signature first,
   * the rest of the greeting once the server's signature is in, READY once its greeting is in.
   */
  private static void handshake(Socket peer, String identity) throws Exception {
    byte[] greeting = greeting();
    InputStream in = peer.getInputStream();
    peer.getOutputStream().write(greeting, 0, 10);
    in.readNBytes(10);
    peer.getOutputStream().write(greeting, 10, greeting.length - 10);
    in.readNBytes(greeting.length - 10);
    peer.getOutputStream().write(ready("DEALER", identity));
    byte[] readyHeader = in.readNBytes(2);
    in.readNBytes(readyHeader[1] & 0xff);
  }

  /** ZMTP 3.0 greeting: signature, version 3.0, mechanism NULL, as-server 0, filler. */
  private static byte[] greeting() {
    ByteBuffer greeting = ByteBuffer.allocate(64);
    greeting.put((byte) 0xff).put(new byte[8]).put((byte) 0x7f);
    greeting.put((byte) 3).put((byte) 0);
    greeting.put(java.util.Arrays.copyOf("NULL".getBytes(StandardCharsets.US_ASCII), 20));
    greeting.put((byte) 0);
    return greeting.array();
  }

  /** The READY command with Socket-Type and Identity properties. */
  private static byte[] ready(String socketType, String identity) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    shortString(body, "READY");
    property(body, "Socket-Type", socketType);
    property(body, "Identity", identity);
    ByteArrayOutputStream command = new ByteArrayOutputStream();
    command.write(0x04); // command, short size
    command.write(body.size());
    command.writeBytes(body.toByteArray());
    return command.toByteArray();
  }

  private static void shortString(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes.length);
    out.writeBytes(bytes);
  }

  private static void property(ByteArrayOutputStream out, String name, String value) {
    shortString(out, name);
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  /** A final message frame with a long (8-byte) size field and no body. */
  private static byte[] longFrameHeader(long sizeBytes) {
    return ByteBuffer.allocate(9).put((byte) 0x02).putLong(sizeBytes).array();
  }

  private static void drainUntilClosed(InputStream in) throws Exception {
    byte[] buffer = new byte[256];
    while (in.read(buffer) >= 0) {
      // The server's greeting and READY, if it sent them before closing.
    }
  }
}
