package io.hatchery.cli.headless;

/**
 * One threshold compared with the run's result. Immutable.
 *
 * @param option the option that set it, e.g. {@code --check-p95}
 * @param description what was measured, e.g. {@code "95th percentile response time (ms)"}
 * @param limit the threshold
 * @param actual the measured value
 * @param atMost whether the value must not exceed the limit (false: must reach it)
 */
public record ThresholdCheck(
    String option, String description, double limit, double actual, boolean atMost) {

  public boolean passed() {
    return atMost ? actual <= limit : actual >= limit;
  }

  /** One readable line, e.g. {@code FAIL --check-p95: 95th percentile ... 950 > 800}. */
  public String line() {
    String relation = atMost ? (passed() ? "<=" : ">") : (passed() ? ">=" : "<");
    return (passed() ? "PASS " : "FAIL ")
        + option
        + ": "
        + description
        + " "
        + format(actual)
        + " "
        + relation
        + " "
        + format(limit);
  }

  private static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return java.math.BigDecimal.valueOf(value)
        .setScale(4, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
