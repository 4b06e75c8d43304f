package io.hatchery.protocol;

import static io.hatchery.protocol.msgpack.MsgpackValues.hex;
import static io.hatchery.protocol.msgpack.MsgpackValues.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Byte-exact envelopes from Locust 2.12.1 traffic (protocol.md §9) and envelope shape rules. */
@Timeout(10)
class MessageCodecTest {
  private static final String NODE_ID = "vm_3c44d654dbd94c829a2b7241ef127297";

  private static String nodeIdStr8() {
    return "d9 23 " + hexOf(NODE_ID.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void debianClientReadyWithEmptyVersionMatchesCapturedBytes() throws ProtocolException {
    byte[] wire = hex("93 ac " + hexOf("client_ready".getBytes()) + " a0 " + nodeIdStr8());

    assertThat(MessageCodec.encode(new Message(MessageType.CLIENT_READY, "", NODE_ID)))
        .isEqualTo(wire);
    assertThat(MessageCodec.decode(wire)).isEqualTo(new Message("client_ready", "", NODE_ID));
  }

  @Test
  void clientReadyMinusOneIsNegativeFixint() throws ProtocolException {
    byte[] wire = hex("93 ac " + hexOf("client_ready".getBytes()) + " ff " + nodeIdStr8());

    assertThat(MessageCodec.encode(new Message(MessageType.CLIENT_READY, -1L, NODE_ID)))
        .isEqualTo(wire);
    assertThat(MessageCodec.decode(wire).data()).isEqualTo(-1L);
  }

  @Test
  void ackWithIndexMatchesPythonEncoding() throws ProtocolException {
    // ["ack", {"index": 0}, node_id]
    byte[] wire = hex("93 a3 61636b 81 a5 696e646578 00 " + nodeIdStr8());
    Map<Object, Object> data = new LinkedHashMap<>();
    data.put("index", 0L);

    assertThat(MessageCodec.encode(new Message(MessageType.ACK, data, NODE_ID))).isEqualTo(wire);
    assertThat(MessageCodec.decode(wire)).isEqualTo(new Message("ack", data, NODE_ID));
  }

  @Test
  void nilDataMessagesEncodeNilAndLegacyMasterNilNodeId() throws ProtocolException {
    // ["quit", nil, nil]: a 0.9 master's PUSH socket does not address messages.
    byte[] wire = hex("93 a4 71756974 c0 c0");

    assertThat(MessageCodec.encode(new Message(MessageType.QUIT, null, null))).isEqualTo(wire);
    assertThat(MessageCodec.decode(wire)).isEqualTo(new Message("quit", null, null));
  }

  @Test
  void heartbeatFloatCpuIsFloat64AndMemoryUint32() throws ProtocolException {
    Map<Object, Object> data = new LinkedHashMap<>();
    data.put("state", "ready");
    data.put("current_cpu_usage", 0.0);
    data.put("current_memory_usage", 40_000_000L);
    byte[] wire =
        hex(
            "93 a9 "
                + hexOf("heartbeat".getBytes())
                + " 83 a5 7374617465 a5 7265616479 b1 "
                + hexOf("current_cpu_usage".getBytes())
                + " cb 0000000000000000 b4 "
                + hexOf("current_memory_usage".getBytes())
                + " ce 02625a00 "
                + nodeIdStr8());

    assertThat(MessageCodec.encode(new Message(MessageType.HEARTBEAT, data, NODE_ID)))
        .isEqualTo(wire);
    assertThat(MessageCodec.decode(wire).data()).isEqualTo(data);
  }

  @Test
  void arityOtherThanThreeIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(hex("94 a4 71756974 c0 c0 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("array of 3")
        .hasMessageContaining("not 4");
    assertThatThrownBy(() -> MessageCodec.decode(hex("92 a4 71756974 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not 2");
  }

  @Test
  void nonArrayTopLevelIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(hex("81 a1 61 01")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("expected an array");
  }

  @Test
  void nonStrTypeIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(hex("93 01 c0 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("message type must be a msgpack str");
    assertThatThrownBy(() -> MessageCodec.decode(hex("93 c4 01 61 c0 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("message type");
  }

  @Test
  void nonStrNodeIdIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(hex("93 a4 71756974 c0 07")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("node_id must be a msgpack str or nil");
  }

  @Test
  void trailingBytesAreRejectedLikePythonExtraData() {
    assertThatThrownBy(() -> MessageCodec.decode(hex("93 a4 71756974 c0 c0 c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("1 trailing bytes");
  }

  @Test
  void emptyFrameIsRejected() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[0]))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("empty frame");
  }

  @Test
  void customMessageCarriesAnyData() throws ProtocolException {
    Message custom = new Message("my_custom", List.of(1L, "two", 3.0), NODE_ID);

    assertThat(MessageCodec.decode(MessageCodec.encode(custom))).isEqualTo(custom);
  }
}
