package io.hatchery.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class PythonFormatTest {

  /** Expected values are Python 3.11's repr(float). */
  @ParameterizedTest
  @CsvSource({
    "4.0,4.0",
    "0.1,0.1",
    "27.900000000000002,27.900000000000002",
    "0.0001,0.0001",
    "0.00001,1e-05",
    "1e16,1e+16",
    "1234567890123456.0,1234567890123456.0",
    "-2.5,-2.5",
    "1.5e-7,1.5e-07",
    "123456789.0,123456789.0",
    "1e22,1e+22"
  })
  void floatReprMatchesPython(double value, String repr) {
    assertThat(PythonFormat.floatRepr(value)).isEqualTo(repr);
  }

  /** Python rounds the exact binary value: 0.125 is a tie (to even), 2.675 is below the tie. */
  @ParameterizedTest
  @CsvSource({"0.125,0.12", "0.375,0.38", "2.675,2.67", "1.005,1.00", "33.333333,33.33"})
  void fixedRoundsLikePercentFormatting(double value, String text) {
    assertThat(PythonFormat.fixed(value, 2)).isEqualTo(text);
  }
}
