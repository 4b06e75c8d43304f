package io.hatchery.protocol.msgpack;

import static io.hatchery.protocol.msgpack.MsgpackValues.decode;
import static io.hatchery.protocol.msgpack.MsgpackValues.encode;
import static io.hatchery.protocol.msgpack.MsgpackValues.hex;
import static io.hatchery.protocol.msgpack.MsgpackValues.hexOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.DecodeLimits;
import io.hatchery.protocol.ProtocolException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Integers use the smallest encoding, as Python msgpack does, and every width decodes to Long. */
@Timeout(10)
class MsgpackIntegerTest {

  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "127, 7f",
    "128, cc80",
    "255, ccff",
    "256, cd0100",
    "65535, cdffff",
    "65536, ce00010000",
    "4294967295, ceffffffff",
    "4294967296, cf0000000100000000",
    "9223372036854775807, cf7fffffffffffffff",
    "-1, ff",
    "-32, e0",
    "-33, d0df",
    "-128, d080",
    "-129, d1ff7f",
    "-32768, d18000",
    "-32769, d2ffff7fff",
    "-2147483648, d280000000",
    "-2147483649, d3ffffffff7fffffff",
    "-9223372036854775808, d38000000000000000",
  })
  void longRoundTripsThroughSmallestEncoding(long value, String expectedHex)
      throws ProtocolException {
    assertThat(hexOf(encode(value))).isEqualTo(expectedHex);
    assertThat(decode(hex(expectedHex))).isEqualTo(value);
    MsgpackReader streaming = new MsgpackReader(hex(expectedHex), DecodeLimits.DEFAULT);
    assertThat(streaming.nextIsInt()).isTrue();
    assertThat(streaming.readInt()).isEqualTo(value);
    assertThat(streaming.remainingBytes()).isZero();
    MsgpackReader count = new MsgpackReader(hex(expectedHex), DecodeLimits.DEFAULT);
    assertThat(count.readNonNegativeIntOrMinusOne()).isEqualTo(value >= 0 ? value : -1);
    assertThat(count.remainingBytes()).isEqualTo(value >= 0 ? 0 : expectedHex.length() / 2);
  }

  @ParameterizedTest
  @CsvSource({"c0", "a161", "cb3ff0000000000000", "ca3f800000", "90", "80", "c3", "ff", "e0"})
  void readNonNegativeIntOrMinusOneReadsNothingButACount(String frameHex) throws ProtocolException {
    MsgpackReader streaming = new MsgpackReader(hex(frameHex), DecodeLimits.DEFAULT);

    assertThat(streaming.readNonNegativeIntOrMinusOne()).isEqualTo(-1);
    assertThat(streaming.remainingBytes()).isEqualTo(frameHex.length() / 2);
    assertThat(new MsgpackReader(new byte[0], DecodeLimits.DEFAULT).readNonNegativeIntOrMinusOne())
        .isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource({"cd01", "ce000000", "cf8000000000000000"})
  void readNonNegativeIntOrMinusOneRefusesATruncatedOrOversizedInt(String frameHex)
      throws ProtocolException {
    MsgpackReader streaming = new MsgpackReader(hex(frameHex), DecodeLimits.DEFAULT);

    assertThatThrownBy(streaming::readNonNegativeIntOrMinusOne)
        .isInstanceOf(ProtocolException.class);
  }

  @ParameterizedTest
  @CsvSource({"cf8000000000000000", "ceffffff", "c0", "a161", "cb3ff0000000000000"})
  void readIntRefusesWhatIsNotASigned64BitInt(String frameHex) throws ProtocolException {
    MsgpackReader streaming = new MsgpackReader(hex(frameHex), DecodeLimits.DEFAULT);

    assertThatThrownBy(streaming::readInt).isInstanceOf(ProtocolException.class);
  }

  @Test
  void narrowerJavaIntegersEncodeLikeLong() {
    assertThat(encode(200)).isEqualTo(encode(200L));
    assertThat(encode((short) -200)).isEqualTo(encode(-200L));
    assertThat(encode((byte) -5)).isEqualTo(encode(-5L));
  }

  @Test
  void uint64AboveLongMaxDecodesToBigInteger() throws ProtocolException {
    BigInteger max = new BigInteger("18446744073709551615");

    assertThat(decode(hex("cfffffffffffffffff"))).isEqualTo(max);
    assertThat(decode(hex("cf8000000000000000"))).isEqualTo(BigInteger.ONE.shiftLeft(63));
    assertThat(hexOf(encode(max))).isEqualTo("cfffffffffffffffff");
  }

  @Test
  void bigIntegerThatFitsLongEncodesAsLong() {
    assertThat(encode(BigInteger.valueOf(300))).isEqualTo(encode(300L));
    assertThat(encode(BigInteger.valueOf(-300))).isEqualTo(encode(-300L));
  }

  @Test
  void bigIntegerBeyondSixtyFourBitsIsAProgrammingError() {
    assertThatThrownBy(() -> encode(BigInteger.ONE.shiftLeft(64)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encode(BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signedEncodingsOfPositiveNumbersDecodeToLongAsBoomerSendsThem() throws ProtocolException {
    // Boomer (ugorji codec) writes positive ints above 127 as int16/int32/int64.
    assertThat(decode(hex("d10080"))).isEqualTo(128L);
    assertThat(decode(hex("d200010000"))).isEqualTo(65536L);
    assertThat(decode(hex("d30000000000000001"))).isEqualTo(1L);
    assertThat(decode(hex("d005"))).isEqualTo(5L);
  }

  @Test
  void oversizedUnsignedEncodingsOfSmallNumbersDecodeToLong() throws ProtocolException {
    assertThat(decode(hex("cc05"))).isEqualTo(5L);
    assertThat(decode(hex("cd0005"))).isEqualTo(5L);
    assertThat(decode(hex("ce00000005"))).isEqualTo(5L);
    assertThat(decode(hex("cf0000000000000005"))).isEqualTo(5L);
  }
}
