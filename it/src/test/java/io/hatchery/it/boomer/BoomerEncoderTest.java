package io.hatchery.it.boomer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of Boomer's encoding quirks (protocol.md §2.2) and that our codec decodes them to
 * the same values Python's encoding gives.
 */
class BoomerEncoderTest {
  private final BoomerEncoder encoder = new BoomerEncoder(1);

  @Test
  void stringsUseFixstrThenStr16NeverStr8() {
    assertThat(hex("a".repeat(31))).startsWith("bf");
    assertThat(hex("a".repeat(32))).startsWith("da0020");
    assertThat(hex("a".repeat(255))).startsWith("da00ff");
    assertThat(hex("a".repeat(70_000))).startsWith("db00011170");
  }

  @Test
  void positiveIntegersAboveFixintAreSigned() {
    assertThat(hex(127L)).isEqualTo("7f");
    assertThat(hex(128L)).isEqualTo("d10080");
    assertThat(hex(200)).isEqualTo("d100c8");
    assertThat(hex(70_000L)).isEqualTo("d200011170");
    assertThat(hex(5_000_000_000L)).isEqualTo("d3000000012a05f200");
  }

  @Test
  void negativeIntegersUseFixintThenInt8Up() {
    assertThat(hex(-1L)).isEqualTo("ff");
    assertThat(hex(-32L)).isEqualTo("e0");
    assertThat(hex(-33L)).isEqualTo("d0df");
    assertThat(hex(-200L)).isEqualTo("d1ff38");
  }

  @Test
  void floatsAreFloat64AndNilIsNil() {
    assertThat(hex(1.5)).isEqualTo("cb3ff8000000000000");
    assertThat(hex(null)).isEqualTo("c0");
  }

  @Test
  void ourCodecDecodesBoomerBytesToPythonsValues() throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name_that_is_longer_than_31_bytes", "x".repeat(40));
    data.put("num_requests", 200L);
    data.put("response_times", Map.of(150L, 3L));
    data.put("cpu", 12.5);
    data.put("stats", List.of());
    String nodeId = "host_" + "0123456789abcdef".repeat(2);

    Message decoded = MessageCodec.decode(encoder.encode(MessageType.STATS, data, nodeId));

    assertThat(decoded).isEqualTo(new Message(MessageType.STATS, data, nodeId));
  }

  @Test
  void mapsComeInShuffledOrderLikeGoMaps() throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      data.put("k" + i, (long) i);
    }
    Message decoded = MessageCodec.decode(encoder.encode(MessageType.STATS, data, "h_1"));

    assertThat((Map<?, ?>) decoded.data()).isEqualTo(data);
    assertThat(List.copyOf(((Map<?, ?>) decoded.data()).keySet()))
        .isNotEqualTo(List.copyOf(data.keySet()));
  }

  private String hex(Object value) {
    return HexFormat.of().formatHex(encoder.encodeValue(value));
  }
}
