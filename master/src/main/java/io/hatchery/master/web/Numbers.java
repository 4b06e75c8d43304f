package io.hatchery.master.web;

/** Number shapes shared by the JSON, CSV and metrics views. Stateless. */
final class Numbers {

  private Numbers() {}

  /**
   * A response time as Locust prints a bucket: an integer when it is whole (bucket percentiles
   * always are), otherwise the exact value (HdrHistogram percentiles).
   */
  static Number millis(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return (long) value;
    }
    return value;
  }

  /**
   * A double as Python's {@code str(float)} prints it: shortest round-trip digits, {@code 277.0},
   * exponent form {@code 1e-05} / {@code 1e+16} outside [1e-4, 1e16), {@code inf}, {@code nan}.
   */
  static String pythonFloat(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    double magnitude = Math.abs(value);
    if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
      java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(value));
      String plain = exact.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String java = Double.toString(value);
    int e = java.indexOf('E');
    String mantissa = java.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exponent = Integer.parseInt(java.substring(e + 1));
    String sign = exponent < 0 ? "-" : "+";
    return mantissa + "e" + sign + String.format("%02d", Math.abs(exponent));
  }
}
