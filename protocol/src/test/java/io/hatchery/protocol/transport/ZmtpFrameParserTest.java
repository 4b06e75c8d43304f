package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZmtpFrameParserTest {
  private static final int LIMIT = 1024;

  /** Records what the parser hands over, as strings for easy comparison. */
  private static final class Recorder implements ZmtpFrameParser.Handler {
    final List<String> units = new ArrayList<>();

    @Override
    public void signature(byte[] greetingSoFar) {
      units.add("signature " + greetingSoFar.length);
    }

    @Override
    public void majorVersion(byte[] greetingSoFar) {
      units.add("major " + greetingSoFar[10]);
    }

    @Override
    public void greeting(byte[] greeting) throws ProtocolException {
      ZmtpGreeting.check(greeting);
      units.add("greeting");
    }

    @Override
    public void command(byte[] body) throws ProtocolException {
      units.add("command " + ZmtpCommand.parse(body).name());
    }

    @Override
    public void message(byte[] payload) {
      units.add("message " + new String(payload, StandardCharsets.UTF_8));
    }
  }

  private static byte[] frame(int flags, byte[] body) {
    return RawZmtpDealer.frame(flags, body);
  }

  private static byte[] data(int flags, String body) {
    return frame(flags, body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] stream(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] handshakeAndMessages() {
    return stream(
        ZmtpGreeting.ours(),
        ZmtpCommand.routerReady().toFrame(),
        data(0, "heartbeat"),
        data(ZmtpFrames.MORE, "stats"),
        data(ZmtpFrames.MORE, "ignored"),
        data(0, "ignored too"),
        frame(0, "x".repeat(300).getBytes(StandardCharsets.UTF_8)));
  }

  private static final List<String> EXPECTED =
      List.of(
          "signature 10",
          "major 3",
          "greeting",
          "command READY",
          "message heartbeat",
          "message stats",
          "message " + "x".repeat(300));

  @Test
  void everyUnitArrivesOnceWhenTheStreamComesInOneRead() throws Exception {
    Recorder recorder = new Recorder();

    new ZmtpFrameParser(recorder, LIMIT).consume(ByteBuffer.wrap(handshakeAndMessages()));

    assertThat(recorder.units).isEqualTo(EXPECTED);
  }

  @Test
  void everyUnitArrivesOnceWhenTheStreamComesOneByteAtATime() throws Exception {
    Recorder recorder = new Recorder();
    ZmtpFrameParser parser = new ZmtpFrameParser(recorder, LIMIT);

    for (byte b : handshakeAndMessages()) {
      parser.consume(ByteBuffer.wrap(new byte[] {b}));
    }

    assertThat(recorder.units).isEqualTo(EXPECTED);
    assertThat(parser.midUnit()).isFalse();
  }

  @Test
  void laterFramesOfAMultipartMessageAreSkippedEvenWhenLong() throws Exception {
    Recorder recorder = new Recorder();
    ZmtpFrameParser parser = new ZmtpFrameParser(recorder, LIMIT);
    byte[] longSkipped = frame(0, new byte[LIMIT]);

    parser.consume(
        ByteBuffer.wrap(stream(ZmtpGreeting.ours(), data(ZmtpFrames.MORE, "first"), longSkipped)));

    assertThat(recorder.units)
        .containsExactly("signature 10", "major 3", "greeting", "message first");
  }

  @Test
  void frameAnnouncedAboveTheLimitIsRefusedBeforeItsBodyArrives() {
    ZmtpFrameParser parser = new ZmtpFrameParser(new Recorder(), LIMIT);
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) ZmtpFrames.LONG).putLong(LIMIT + 1L);

    assertThatThrownBy(
            () -> parser.consume(ByteBuffer.wrap(stream(ZmtpGreeting.ours(), header.array()))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds the limit of " + LIMIT);
  }

  @Test
  void negativeLongSizeIsRefused() {
    ZmtpFrameParser parser = new ZmtpFrameParser(new Recorder(), LIMIT);
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) ZmtpFrames.LONG).putLong(-1L);

    assertThatThrownBy(
            () -> parser.consume(ByteBuffer.wrap(stream(ZmtpGreeting.ours(), header.array()))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(Long.toUnsignedString(-1L));
  }

  @Test
  void reservedFlagBitsAreAProtocolError() {
    ZmtpFrameParser parser = new ZmtpFrameParser(new Recorder(), LIMIT);

    assertThatThrownBy(
            () -> parser.consume(ByteBuffer.wrap(stream(ZmtpGreeting.ours(), data(0x80, "x")))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void commandInsideAMultipartMessageIsAProtocolError() {
    ZmtpFrameParser parser = new ZmtpFrameParser(new Recorder(), LIMIT);
    byte[] ping = new ZmtpCommand(ZmtpCommand.PING, new byte[2]).toFrame();

    assertThatThrownBy(
            () ->
                parser.consume(
                    ByteBuffer.wrap(
                        stream(ZmtpGreeting.ours(), data(ZmtpFrames.MORE, "first"), ping))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("inside a multipart message");
  }

  @Test
  void greetingOfAnOlderZmtpOrAnotherMechanismIsRefused() {
    byte[] zmtp2 = ZmtpGreeting.ours();
    zmtp2[10] = 1;
    byte[] plain = ZmtpGreeting.ours();
    System.arraycopy("PLAIN".getBytes(StandardCharsets.US_ASCII), 0, plain, 12, 5);
    byte[] noSignature = ZmtpGreeting.ours();
    noSignature[0] = 0x01;

    assertThatThrownBy(() -> ZmtpGreeting.check(zmtp2)).hasMessageContaining("ZMTP 1.x");
    assertThatThrownBy(() -> ZmtpGreeting.check(plain)).hasMessageContaining("'PLAIN'");
    assertThatThrownBy(() -> ZmtpGreeting.check(noSignature)).hasMessageContaining("signature");
  }

  @Test
  void bodyBufferGrowsWithTheBytesThatArriveNotWithTheAnnouncedSize() throws Exception {
    Recorder recorder = new Recorder();
    int big = 100_000;
    ZmtpFrameParser parser = new ZmtpFrameParser(recorder, 1 << 20);
    byte[] payload = "y".repeat(big).getBytes(StandardCharsets.UTF_8);
    byte[] whole = stream(ZmtpGreeting.ours(), frame(0, payload));

    for (int at = 0; at < whole.length; at += 7_777) {
      parser.consume(ByteBuffer.wrap(whole, at, Math.min(7_777, whole.length - at)));
    }

    assertThat(recorder.units).last().isEqualTo("message " + "y".repeat(big));
  }
}
