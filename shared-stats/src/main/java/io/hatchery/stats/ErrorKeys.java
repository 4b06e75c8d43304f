package io.hatchery.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of the error table: Locust 2.12.1's {@code StatsError.create_key}, the lowercase hex
 * SHA-256 of the UTF-8 string {@code "<method>.<name>.<repr(error text)>"}. Python masters only
 * merge equal keys, so a Java worker must produce the same key for the same error text.
 *
 * <pre>{@code
 * ErrorKeys.key("GET", "/fail", ErrorTexts.ofException("Exception", "boom"))
 *     // 5f54408d941a239f2cab5c2ff0a0d0e8a02a7603ffd9e60dfe9533b4c6c92d90
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class ErrorKeys {

  private ErrorKeys() {}

  /**
   * Returns the error key.
   *
   * @param method request type; {@code null} is written as Python's {@code None}
   * @param name request name
   * @param errorText the wire error text (see {@link ErrorTexts})
   */
  public static String key(String method, String name, String errorText) {
    String source =
        (method == null ? "None" : method) + "." + name + "." + PythonStrings.repr(errorText);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
