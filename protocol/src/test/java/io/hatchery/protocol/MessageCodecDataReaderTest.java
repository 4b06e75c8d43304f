package io.hatchery.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.msgpack.MsgpackReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageCodec#decode(byte[], DecodeLimits, Map)} with typed {@link DataReader}s: a reader's
 * value becomes the data; a reader that hands back, fails or throws leaves the frame to the generic
 * decoding, which alone decides errors; other types never reach it.
 */
class MessageCodecDataReaderTest {
  private static final byte[] FRAME =
      MessageCodec.encode(new Message("counts", data(), "worker_1"));

  private static Map<String, Object> data() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("a", 1L);
    data.put("b", List.of(2L, 3.5));
    return data;
  }

  /** Sums the ints of the map {"a": int, "b": [int, float]} by the streaming reads. */
  private static final DataReader SUM =
      (in, frame) -> {
        int pairs = in.readMapHeader(2);
        long sum = 0;
        for (int i = 0; i < pairs; i++) {
          if (in.skipStringIfEquals("a".getBytes())) {
            sum += in.readInt();
          } else {
            assertThat(in.readStringElement()).isEqualTo("b");
            int elements = in.readArrayHeader(3);
            sum += in.readInt();
            for (int e = 1; e < elements; e++) {
              sum += (long) in.readFloat();
            }
          }
        }
        return sum;
      };

  @Test
  void theReadersValueIsTheData() throws Exception {
    Message message = MessageCodec.decode(FRAME, DecodeLimits.DEFAULT, Map.of("counts", SUM));

    assertThat(message).isEqualTo(new Message("counts", 6L, "worker_1"));
  }

  @Test
  void aReaderThatHandsBackGetsTheGenericData() throws Exception {
    DataReader handBack = (in, frame) -> null;

    Message message = MessageCodec.decode(FRAME, DecodeLimits.DEFAULT, Map.of("counts", handBack));

    assertThat(message).isEqualTo(new Message("counts", data(), "worker_1"));
  }

  @Test
  void aReaderThatFailsOrThrowsGetsTheGenericDataToo() throws Exception {
    DataReader wrongType = (in, frame) -> in.readFloat(); // the data is a map: ProtocolException
    DataReader buggy =
        (in, frame) -> {
          throw new IllegalStateException("a bug");
        };
    DataReader stopsEarly = (MsgpackReader in, byte[] frame) -> 0L; // leaves the map unread

    for (DataReader reader : List.of(wrongType, buggy, stopsEarly)) {
      assertThat(MessageCodec.decode(FRAME, DecodeLimits.DEFAULT, Map.of("counts", reader)))
          .isEqualTo(new Message("counts", data(), "worker_1"));
    }
  }

  @Test
  void malformedFramesFailAsWithoutReaders() {
    byte[] truncated = java.util.Arrays.copyOf(FRAME, FRAME.length - 2);

    assertThatThrownBy(
            () -> MessageCodec.decode(truncated, DecodeLimits.DEFAULT, Map.of("counts", SUM)))
        .isInstanceOf(ProtocolException.class)
        .hasMessage(catchMessage(truncated));
  }

  @Test
  void otherTypesNeverReachTheReader() throws Exception {
    byte[] other = MessageCodec.encode(new Message("heartbeat", data(), "worker_1"));
    DataReader fails =
        (in, frame) -> {
          throw new AssertionError("called for another type");
        };

    assertThat(MessageCodec.decode(other, DecodeLimits.DEFAULT, Map.of("counts", fails)).data())
        .isEqualTo(data());
  }

  private static String catchMessage(byte[] frame) {
    try {
      MessageCodec.decode(frame);
      throw new AssertionError("expected a ProtocolException");
    } catch (ProtocolException e) {
      return e.getMessage();
    }
  }
}
