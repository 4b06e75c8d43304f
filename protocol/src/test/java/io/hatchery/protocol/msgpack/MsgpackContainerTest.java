package io.hatchery.protocol.msgpack;

import static io.hatchery.protocol.msgpack.MsgpackValues.decode;
import static io.hatchery.protocol.msgpack.MsgpackValues.encode;
import static io.hatchery.protocol.msgpack.MsgpackValues.hex;
import static io.hatchery.protocol.msgpack.MsgpackValues.hexOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.ProtocolException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Arrays, maps with non-string keys, wire order, empties, and Locust's datetime map. */
@Timeout(10)
class MsgpackContainerTest {

  @Test
  void emptyContainers() throws ProtocolException {
    assertThat(hexOf(encode(List.of()))).isEqualTo("90");
    assertThat(hexOf(encode(Map.of()))).isEqualTo("80");
    assertThat(decode(hex("90"))).isEqualTo(List.of());
    assertThat(decode(hex("80"))).isEqualTo(Map.of());
  }

  @Test
  void arrayHeaderWidths() throws ProtocolException {
    List<Object> sixteen = new ArrayList<>(java.util.Collections.nCopies(16, null));
    List<Object> big = new ArrayList<>(java.util.Collections.nCopies(65536, 1L));

    assertThat(hexOf(encode(java.util.Collections.nCopies(15, null)))).startsWith("9f");
    assertThat(hexOf(encode(sixteen))).startsWith("dc0010");
    assertThat(hexOf(encode(big))).startsWith("dd00010000");
    assertThat(decode(encode(big))).isEqualTo(big);
  }

  @Test
  void objectArrayEncodesLikeList() {
    assertThat(encode(new Object[] {1L, "a"})).isEqualTo(encode(List.of(1L, "a")));
  }

  @Test
  void responseTimeKeysKeepLongAndDoubleTypesInWireOrder() throws ProtocolException {
    // Observed 2.12.1 bucket map: {160.0: 2, 12: 2, 5: 4, 3400.0: 1}.
    Map<Object, Object> buckets = new LinkedHashMap<>();
    buckets.put(160.0, 2L);
    buckets.put(12L, 2L);
    buckets.put(5L, 4L);
    buckets.put(3400.0, 1L);

    byte[] wire = encode(buckets);

    assertThat(hexOf(wire)).isEqualTo("84cb4064000000000000020c020504cb40aa90000000000001");
    @SuppressWarnings("unchecked")
    Map<Object, Object> back = (Map<Object, Object>) decode(wire);
    assertThat(back).containsExactlyEntriesOf(buckets);
    assertThat(back.keySet())
        .extracting(Object::getClass)
        .containsExactly(Double.class, Long.class, Long.class, Double.class);
  }

  @Test
  void nestedMapsAndListsRoundTrip() throws ProtocolException {
    Map<Object, Object> inner = new LinkedHashMap<>();
    inner.put(1_700_000_000L, 3L);
    inner.put("nested", List.of(List.of(), Map.of(), "ü"));
    Map<Object, Object> outer = new LinkedHashMap<>();
    outer.put("stats", List.of(inner, inner));
    outer.put(true, null);
    outer.put(-7L, new byte[] {9});

    Object back = decode(encode(outer));

    assertThat(encode(back)).isEqualTo(encode(outer));
  }

  @Test
  void duplicateMapKeysKeepTheLastValueLikePython() throws ProtocolException {
    assertThat(decode(hex("82a16101a16102"))).isEqualTo(Map.of("a", 2L));
  }

  @Test
  void locustDateTimeMapDecodesToLocalDateTimeAndBack() throws ProtocolException {
    LocalDateTime when = LocalDateTime.of(2024, 1, 31, 13, 45, 0, 123_456_000);
    byte[] wire =
        hex(
            "82ac"
                + hexOf("__datetime__".getBytes())
                + "c3a6"
                + hexOf("as_str".getBytes())
                + "b8"
                + hexOf("20240131T13:45:00.123456".getBytes()));

    assertThat(encode(when)).isEqualTo(wire);
    assertThat(decode(wire)).isEqualTo(when);
  }

  @Test
  void dateTimeEncodingDropsSubMicroseconds() throws ProtocolException {
    LocalDateTime when = LocalDateTime.of(2024, 1, 31, 13, 45, 0, 123_456_789);

    assertThat(decode(encode(when))).isEqualTo(when.withNano(123_456_000));
  }

  @Test
  void malformedDateTimeMapsStayPlainMaps() throws ProtocolException {
    Map<Object, Object> badText = new LinkedHashMap<>();
    badText.put("__datetime__", true);
    badText.put("as_str", "2024-01-31");
    Map<Object, Object> falseMarker = new LinkedHashMap<>();
    falseMarker.put("__datetime__", false);
    falseMarker.put("as_str", "20240131T13:45:00.123456");
    Map<Object, Object> extraKey = new LinkedHashMap<>(falseMarker);
    extraKey.put("__datetime__", true);
    extraKey.put("tz", "UTC");

    assertThat(decode(encode(badText))).isEqualTo(badText);
    assertThat(decode(encode(falseMarker))).isEqualTo(falseMarker);
    assertThat(decode(encode(extraKey))).isEqualTo(extraKey);
  }
}
