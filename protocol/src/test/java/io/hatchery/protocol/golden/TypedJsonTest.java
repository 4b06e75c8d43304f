package io.hatchery.protocol.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatchery.protocol.msgpack.MsgpackExtension;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The typed-JSON convention of the golden twins maps to the codec's Java values. */
@Timeout(10)
class TypedJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Object parse(String json) throws JsonProcessingException {
    return TypedJson.toValue(JSON.readTree(json));
  }

  @Test
  void numberWithPointOrExponentIsDoubleOtherwiseLong() throws JsonProcessingException {
    assertThat(parse("[150.0, 150, 1e+300, -0.0, -3000000000]"))
        .isEqualTo(List.of(150.0, 150L, 1e300, -0.0, -3000000000L));
  }

  @Test
  void integerBeyondLongIsBigInteger() throws JsonProcessingException {
    assertThat(parse("18446744073709551614")).isEqualTo(new BigInteger("18446744073709551614"));
  }

  @Test
  void dollarMapKeepsNonStringKeysInOrder() throws JsonProcessingException {
    Object value = parse("{\"$map\": [[160.0, 2], [12, 2], [\"x\", null]]}");

    assertThat(ExactValues.of(value))
        .isEqualTo(new ExactValues.OrderedMap(Arrays.asList(160.0, 2L, 12L, 2L, "x", null)));
  }

  @Test
  void objectIsStringKeyedMapInTextOrder() throws JsonProcessingException {
    Object value = parse("{\"b\": 1, \"a\": {}}");

    assertThat(ExactValues.of(value))
        .isEqualTo(new ExactValues.OrderedMap(List.of("b", 1L, "a", ExactValues.of(Map.of()))));
  }

  @Test
  void dollarBinAndDollarExtAreBytes() throws JsonProcessingException {
    assertThat(parse("{\"$bin\": \"AAH+/w==\"}")).isEqualTo(new byte[] {0, 1, -2, -1});
    assertThat(parse("{\"$ext\": [5, \"AQI=\"]}"))
        .isEqualTo(new MsgpackExtension((byte) 5, new byte[] {1, 2}));
  }

  @Test
  void nullAndBooleansMapDirectly() throws JsonProcessingException {
    assertThat(parse("[null, true, false, \"\u00fc\"]"))
        .isEqualTo(Arrays.asList(null, true, false, "\u00fc"));
  }
}
