package io.hatchery.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.golden.GoldenVector;
import io.hatchery.protocol.golden.GoldenVectors;
import io.hatchery.protocol.msgpack.MsgpackWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageCodec#decode(byte[], DecodeLimits, Map, String, byte[])}: a {@code node_id} of
 * exactly the known sender's bytes comes back as the sender's own string; anything else decodes as
 * it would without a sender, and errors are the same.
 */
class MessageCodecKnownSenderTest {
  private static final String SENDER = "bench-host_0f3a9c2d4e5b6a7980a1b2c3d4e5f607";
  private static final byte[] SENDER_UTF8 = SENDER.getBytes(StandardCharsets.UTF_8);

  private static Message decode(byte[] frame, Map<String, DataReader> readers)
      throws ProtocolException {
    return MessageCodec.decode(frame, DecodeLimits.DEFAULT, readers, SENDER, SENDER_UTF8);
  }

  @Test
  void theSendersOwnNodeIdIsTheSendersString() throws Exception {
    // A fresh copy: equal text, another object, as a frame's bytes would decode to.
    byte[] frame =
        MessageCodec.encode(new Message("heartbeat", Map.of("state", "running"), copy()));

    assertThat(decode(frame, Map.of()).nodeId()).isSameAs(SENDER);
  }

  @Test
  void aTypedReadAndAHandBackKeepTheSendersString() throws Exception {
    byte[] frame = MessageCodec.encode(new Message("stats", Map.of("user_count", 3L), copy()));
    DataReader typed = (in, bytes) -> in.readElement(1);
    DataReader handBack = (in, bytes) -> null;

    assertThat(decode(frame, Map.of("stats", typed)).nodeId()).isSameAs(SENDER);
    assertThat(decode(frame, Map.of("stats", handBack)).nodeId()).isSameAs(SENDER);
  }

  @Test
  void anotherNodeIdOrNilDecodesAsWithoutASender() throws Exception {
    for (String other : new String[] {"worker_1", SENDER + "x", SENDER.substring(1), "", null}) {
      byte[] frame = MessageCodec.encode(new Message("heartbeat", 1L, other));

      assertThat(decode(frame, Map.of()).nodeId()).isEqualTo(other);
    }
  }

  @Test
  void aLongerEncodingOfTheSameTextIsEqualText() throws Exception {
    // str16 for a 43-byte string: valid msgpack that Python would never write.
    byte[] frame =
        new MsgpackWriter()
            .writeArrayHeader(3)
            .writeValue("heartbeat")
            .writeValue(1L)
            .toByteArray();
    byte[] str16 = new byte[frame.length + 3 + SENDER_UTF8.length];
    System.arraycopy(frame, 0, str16, 0, frame.length);
    str16[frame.length] = (byte) 0xda;
    str16[frame.length + 1] = 0;
    str16[frame.length + 2] = (byte) SENDER_UTF8.length;
    System.arraycopy(SENDER_UTF8, 0, str16, frame.length + 3, SENDER_UTF8.length);

    assertThat(decode(str16, Map.of()).nodeId()).isEqualTo(SENDER);
  }

  @Test
  void everyGoldenAndMutatedFrameDecodesOrFailsAlikeWithTheSender() {
    Random random = new Random(0x5E_4D_E2L);
    FrameMutator mutator = new FrameMutator(random);
    List<byte[]> corpus = GoldenVectors.all().map(GoldenVector::frame).toList();
    byte[] ownFrame = MessageCodec.encode(new Message("heartbeat", 1L, SENDER));
    for (int i = 0; i < 20_000; i++) {
      int strategy = i % FrameMutator.STRATEGIES;
      byte[] frame =
          strategy == 0
              ? ownFrame
              : mutator.mutate(strategy, corpus.get(random.nextInt(corpus.size())), corpus);

      assertThat(outcome(() -> decode(frame, Map.of())))
          .as("frame %d", i)
          .isEqualTo(outcome(() -> MessageCodec.decode(frame, DecodeLimits.DEFAULT)));
    }
  }

  private interface Decode {
    Message run() throws ProtocolException;
  }

  /** The decoded message re-encoded (bin data compares by content), or the error's text. */
  private static String outcome(Decode decode) {
    try {
      return HexFormat.of().formatHex(MessageCodec.encode(decode.run()));
    } catch (ProtocolException e) {
      return e.getMessage();
    }
  }

  private static String copy() {
    return new String(SENDER_UTF8, StandardCharsets.UTF_8);
  }
}
