package io.hatchery.protocol;

import static io.hatchery.protocol.msgpack.MsgpackValues.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The default limits admit real Locust traffic and bound what a hostile frame can cost. */
@Timeout(60)
class DecodeLimitsTest {
  /** Envelope array, type and node id take three values of the budget. */
  private static final int ENVELOPE_VALUES = 3;

  /** ["t", [ {}, {}, ... ], nil]: the most heap per frame byte a peer can make us spend. */
  private static byte[] emptyMapsFrame(int count) {
    ByteBuffer frame = ByteBuffer.allocate(9 + count);
    frame.put(hex("93 a1 74 dd")).putInt(count);
    byte[] maps = new byte[count];
    Arrays.fill(maps, (byte) 0x80);
    return frame.put(maps).put((byte) 0xc0).array();
  }

  @Test
  void worstCaseFrameWithinTheDefaultBudgetRetainsUnder100MegabytesOfHeap()
      throws ProtocolException {
    int count = DecodeLimits.DEFAULT.maxElements() - ENVELOPE_VALUES - 1;
    byte[] frame = emptyMapsFrame(count);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();

    Message message = MessageCodec.decode(frame);
    System.gc();
    long retainedBytes = memory.getHeapMemoryUsage().getUsed() - before;

    assertThat((List<?>) message.data()).hasSize(count);
    System.out.printf(
        "%d empty maps (%d frame bytes) retain %d bytes%n", count, frame.length, retainedBytes);
    assertThat(retainedBytes).isLessThan(100L * 1024 * 1024);
  }

  @Test
  void oneValueMoreThanTheDefaultBudgetIsRejected() {
    byte[] frame = emptyMapsFrame(DecodeLimits.DEFAULT.maxElements() - ENVELOPE_VALUES);

    assertThatThrownBy(() -> MessageCodec.decode(frame))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("limit of 1048576 values");
  }

  @Test
  void limitsMustBePositiveAndDepthUnderTheCeiling() {
    assertThatThrownBy(() -> new DecodeLimits(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFrameBytes");
    assertThatThrownBy(() -> new DecodeLimits(1, DecodeLimits.DEPTH_CEILING + 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ceiling");
  }

  @Test
  void depthAtTheCeilingCannotOverflowTheStack() {
    DecodeLimits deepest = new DecodeLimits(1 << 20, DecodeLimits.DEPTH_CEILING, 16, 1 << 20);
    byte[] nested = new byte[DecodeLimits.DEPTH_CEILING * 4];
    Arrays.fill(nested, (byte) 0x91);
    ByteBuffer frame = ByteBuffer.allocate(nested.length + 5);
    frame.put(hex("93 a1 74")).put(nested).put((byte) 0xc0).put((byte) 0xc0);

    assertThatThrownBy(() -> MessageCodec.decode(frame.array(), deepest))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("nests deeper than the limit of 512");
  }
}
