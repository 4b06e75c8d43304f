package io.hatchery.protocol;

import static io.hatchery.protocol.msgpack.MsgpackValues.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames built to hurt the decoder all end in a ProtocolException with a useful message. */
@Timeout(30)
class MessageCodecHostileTest {
  private static final byte[] QUIT_PREFIX = hex("93 a4 71756974");

  private static byte[] envelopeWithData(String dataHex) {
    return concat(QUIT_PREFIX, hex(dataHex), hex("c0"));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void arrayClaimingTwoToThe31ElementsInTenBytesIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(hex("dd 80000000 c0 c0 c0 c0 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("array32 value at byte 0 declares a size above 2^31-1");
    assertThatThrownBy(() -> MessageCodec.decode(envelopeWithData("dd 7fffffff c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("2147483647 elements");
  }

  @Test
  void mapClaimingMoreEntriesThanBytesIsRejectedBeforeAllocating() {
    assertThatThrownBy(() -> MessageCodec.decode(envelopeWithData("df 0000ffff c0 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("65535 elements but only");
  }

  @Test
  void strLengthPastTheEndIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(envelopeWithData("db 7ffffff0 61 62")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("str declares 2147483632 bytes but only");
    assertThatThrownBy(() -> MessageCodec.decode(envelopeWithData("db ffffffff 61")))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void binAndExtLengthsPastTheEndAreRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(envelopeWithData("c6 00100000 00")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("bin declares 1048576 bytes");
    assertThatThrownBy(() -> MessageCodec.decode(envelopeWithData("c9 00100000 05 00")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("ext declares 1048576 bytes");
  }

  @Test
  void hundredThousandNestedArraysAreRejectedAtTheDepthLimit() {
    byte[] data = new byte[100_000];
    Arrays.fill(data, (byte) 0x91);
    byte[] frame = concat(QUIT_PREFIX, data, hex("c0 c0"));

    assertThatThrownBy(() -> MessageCodec.decode(frame))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("nests deeper than the limit of 32");
  }

  @Test
  void nestingAtTheDepthLimitIsAccepted() throws ProtocolException {
    // Envelope is level 1, so the data may open 31 more levels.
    byte[] data = new byte[31];
    Arrays.fill(data, (byte) 0x91);
    byte[] frame = concat(QUIT_PREFIX, data, hex("c0 c0"));

    assertThat(MessageCodec.decode(frame).data()).isInstanceOf(List.class);
    byte[] deeper = concat(QUIT_PREFIX, hex("91"), data, hex("c0 c0"));
    assertThatThrownBy(() -> MessageCodec.decode(deeper)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void everyTruncationOfAValidFrameIsRejected() {
    Map<Object, Object> data = new LinkedHashMap<>();
    data.put("timestamp", 1_700_000_000.5);
    data.put("user_classes_count", Map.of("MyUser", 70_000L));
    data.put("host", "http://käse.example");
    data.put("bin", new byte[] {1, 2});
    data.put("list", List.of(-1L, -200L, true));
    byte[] frame = MessageCodec.encode(new Message(MessageType.SPAWN, data, "node_1"));

    for (int length = 0; length < frame.length; length++) {
      byte[] truncated = Arrays.copyOf(frame, length);
      Throwable thrown = catchThrowable(() -> MessageCodec.decode(truncated));
      assertThat(thrown).as("truncated to %d bytes", length).isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void nonUtf8TypeStringIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(hex("93 a2 ff fe c0 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void extTypesInsideDataAreDecodedNotRejected() throws ProtocolException {
    Message message = MessageCodec.decode(envelopeWithData("d5 07 0102"));

    assertThat(message.data())
        .isEqualTo(new io.hatchery.protocol.msgpack.MsgpackExtension((byte) 7, hex("0102")));
  }

  @Test
  void neverUsedFormatByteIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(envelopeWithData("c1")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("0xc1");
  }

  @Test
  void frameLargerThanTheLimitIsRejectedWithoutParsing() {
    byte[] huge = new byte[DecodeLimits.DEFAULT.maxFrameBytes() + 1];

    assertThatThrownBy(() -> MessageCodec.decode(huge))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds the limit of 16777216");
  }

  @Test
  void collectionLargerThanTheLimitIsRejected() {
    DecodeLimits small = new DecodeLimits(1 << 20, 8, 10, 1000);
    List<Object> eleven = new ArrayList<>(java.util.Collections.nCopies(11, 0L));
    byte[] frame = MessageCodec.encode(new Message("custom", eleven, null));

    assertThatThrownBy(() -> MessageCodec.decode(frame, small))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("more than the limit of 10");
  }

  @Test
  void frameOfManyTinyValuesIsStoppedByTheElementBudget() {
    DecodeLimits small = new DecodeLimits(1 << 20, 8, 1000, 2000);
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(new ArrayList<>(java.util.Collections.nCopies(30, 1L)));
    }
    byte[] frame = MessageCodec.encode(new Message("custom", rows, null));

    assertThatThrownBy(() -> MessageCodec.decode(frame, small))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("budget of 2000 values");
  }

  /** A map of {@code count} keys alternating Long and Double, every one with hash code 0. */
  private static byte[] sameHashKeysFrame(int count) {
    ByteBuffer frame = ByteBuffer.allocate(9 + count * 10);
    frame.put(hex("93 a1 74 df")).putInt(count);
    for (long x = 1; x <= count; x++) {
      if (x % 2 == 0) {
        frame.put((byte) 0xd3).putLong(x | x << 32);
      } else {
        long high = 0x4000_0000L + x;
        frame.put((byte) 0xcb).putLong(high << 32 | high);
      }
      frame.put((byte) 0xc0);
    }
    return frame.put((byte) 0xc0).array();
  }

  @Test
  @Timeout(5)
  void hashFloodingMapIsRejectedQuickly() {
    // Before this check, 128,000 such keys took 68 s of CPU to decode.
    assertThatThrownBy(() -> MessageCodec.decode(sameHashKeysFrame(200_000)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("17th with the same hash code");
  }

  @Test
  void sixteenKeysSharingAHashCodeAreAccepted() throws ProtocolException {
    assertThat((Map<?, ?>) MessageCodec.decode(sameHashKeysFrame(16)).data()).hasSize(16);
  }
}
