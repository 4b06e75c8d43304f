package io.hatchery.stats.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's number formatting, so that tables and files match Locust's byte for byte: {@code
 * repr(float)} (shortest round-trip digits, {@code 4.0}, {@code 1e-05}, {@code 1e+16}), {@code
 * "%.2f"} (correct rounding of the exact binary value, ties to even) and {@code "%d"} of a float
 * (truncation toward zero).
 *
 * <p>Thread-safety: stateless.
 */
public final class PythonFormat {
  private PythonFormat() {}

  /** Python's {@code repr(float)}. */
  public static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    // Double.toString gives the shortest round-trip digits (JDK 19+), as Python's repr does.
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = exact.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - exact.scale();
    String sign = value < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.valueOf(Math.abs(exponent));
    return sign
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (exp.length() < 2 ? "0" + exp : exp);
  }

  /** Python's {@code "%.{decimals}f" % value}. */
  public static String fixed(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return floatRepr(value);
    }
    return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Python's {@code "%d" % value} for a float: truncation toward zero. */
  public static long truncate(double value) {
    return (long) value;
  }

  /** Left-aligns {@code text} in {@code width} columns (Python {@code "%-Ns"}); never cuts. */
  public static String left(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /** Right-aligns {@code text} in {@code width} columns (Python {@code "%Ns"}); never cuts. */
  public static String right(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}
