package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ZmtpCommandTest {
  private static byte[] readyBody(String... nameValuePairs) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(5);
    body.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      byte[] value = nameValuePairs[i + 1].getBytes(StandardCharsets.UTF_8);
      body.write(nameValuePairs[i].length());
      body.writeBytes(nameValuePairs[i].getBytes(StandardCharsets.US_ASCII));
      body.write(0);
      body.write(0);
      body.write(value.length >>> 8);
      body.write(value.length);
      body.writeBytes(value);
    }
    return body.toByteArray();
  }

  @Test
  void readyOfADealerNamesItsIdentityWhateverTheCaseOfThePropertyNames() throws Exception {
    ZmtpCommand.Ready ready =
        ZmtpCommand.parse(readyBody("socket-type", "DEALER", "IDENTITY", "vm_1a2b")).ready();

    assertThat(ready.socketType()).isEqualTo("DEALER");
    assertThat(new String(ready.identity(), StandardCharsets.UTF_8)).isEqualTo("vm_1a2b");
  }

  @Test
  void readyWithoutIdentityHasAnEmptyOne() throws Exception {
    assertThat(ZmtpCommand.parse(readyBody("Socket-Type", "DEALER")).ready().identity()).isEmpty();
  }

  @Test
  void socketsThatCannotTalkToARouterAreRefused() {
    assertThatThrownBy(() -> ZmtpCommand.parse(readyBody("Socket-Type", "PUB")).ready())
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("PUB");
    assertThatThrownBy(() -> ZmtpCommand.parse(readyBody("Identity", "x")).ready())
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void truncatedPropertiesAndNamesAreProtocolErrors() {
    byte[] body = readyBody("Socket-Type", "DEALER");

    assertThatThrownBy(() -> ZmtpCommand.parse(Arrays.copyOf(body, body.length - 1)).ready())
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> ZmtpCommand.parse(new byte[] {9, 'R'}))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> ZmtpCommand.parse(new byte[0])).isInstanceOf(ProtocolException.class);
  }

  @Test
  void identityLongerThan255BytesIsRefused() {
    assertThatThrownBy(
            () ->
                ZmtpCommand.parse(readyBody("Socket-Type", "DEALER", "Identity", "i".repeat(256)))
                    .ready())
        .hasMessageContaining("256 bytes");
  }

  @Test
  void routersOwnReadyParsesBackAsARouterWithoutIdentity() throws Exception {
    byte[] frame = ZmtpCommand.routerReady().toFrame();
    byte[] body = Arrays.copyOfRange(frame, 2, frame.length);

    assertThat(frame[0]).isEqualTo((byte) ZmtpFrames.COMMAND);
    assertThat(frame[1] & 0xFF).isEqualTo(body.length);
    ZmtpCommand.Ready ready = ZmtpCommand.parse(body).ready();
    assertThat(ready.socketType()).isEqualTo("ROUTER");
    assertThat(ready.identity()).isEmpty();
  }

  @Test
  void pongEchoesThePingsContextWithoutItsTtl() {
    ZmtpCommand ping = new ZmtpCommand(ZmtpCommand.PING, new byte[] {0, 10, 'c', 't', 'x'});

    assertThat(ping.pong())
        .isEqualTo(new ZmtpCommand(ZmtpCommand.PONG, new byte[] {'c', 't', 'x'}));
  }
}
