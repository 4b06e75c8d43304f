package io.hatchery.stats;

/**
 * Builds error texts the way a Locust 2.12.1 worker puts them on the wire ({@code
 * StatsError.parse_error}: {@code repr(error)} with the first {@code object at 0x...} address
 * masked as {@code 0x....}), so that a Java worker's errors group and display like a Python
 * worker's and {@link ErrorKeys#key} yields the same key.
 *
 * <pre>{@code
 * ErrorTexts.ofMessage("boom")                    // 'boom'   (log_error with a str)
 * ErrorTexts.ofException("Exception", "boom")     // Exception('boom')
 * ErrorTexts.ofException("ConnectionError", null) // ConnectionError()
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class ErrorTexts {

  /** The text of a {@code None} error. */
  public static final String NONE = "None";

  private static final String ADDRESS_MARKER = "object at 0x";

  private ErrorTexts() {}

  /** Returns the wire text of a string error: its Python {@code repr}, addresses masked. */
  public static String ofMessage(String message) {
    return maskAddresses(PythonStrings.repr(message));
  }

  /**
   * Returns the wire text of an exception with at most one argument, as Python's {@code
   * BaseException.__repr__} prints it: {@code Type('message')}, or {@code Type()} without one.
   */
  public static String ofException(String pythonTypeName, String message) {
    String args = message == null ? "" : PythonStrings.repr(message);
    return maskAddresses(pythonTypeName + "(" + args + ")");
  }

  /**
   * Applies Locust's address masking to an already formed {@code repr} text: the hex address after
   * the first {@code "object at 0x"} (up to the next {@code '>'}) is replaced, everywhere it
   * occurs, by {@code 0x....}.
   */
  public static String maskAddresses(String reprText) {
    int marker = reprText.indexOf(ADDRESS_MARKER);
    if (marker < 0) {
      return reprText;
    }
    int start = marker + ADDRESS_MARKER.length() - 2;
    int end = reprText.indexOf('>', start);
    if (end < 0) {
      return reprText;
    }
    return reprText.replace(reprText.substring(start, end), "0x....");
  }
}
