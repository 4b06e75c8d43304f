package io.hatchery.stats;

/**
 * Python's {@code repr()} of a {@code str}, which Locust puts into error texts and error keys.
 * Follows CPython's {@code unicode_repr}: single quotes unless the text contains a single quote and
 * no double quote; backslash, the chosen quote, {@code \t \n \r} escaped; other non-printable code
 * points as {@code \xhh}, {@code \\uhhhh} or {@code \Uhhhhhhhh}; printable non-ASCII kept.
 *
 * <p>"Printable" is Python's definition (not in Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs,
 * except the ASCII space) evaluated with the JDK's Unicode tables, which may be a version apart
 * from the peer's Python for newly assigned code points.
 *
 * <p>Thread-safety: stateless.
 */
public final class PythonStrings {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonStrings() {}

  /** Returns {@code repr(text)} as Python 3 prints it. */
  public static String repr(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp < ' ' || cp == 0x7f) {
        hex(out.append("\\x"), cp, 2);
      } else if (cp < 0x7f || isPrintable(cp)) {
        out.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        hex(out.append("\\x"), cp, 2);
      } else if (cp <= 0xffff) {
        hex(out.append("\\u"), cp, 4);
      } else {
        hex(out.append("\\U"), cp, 8);
      }
    }
    return out.append(quote).toString();
  }

  private static boolean isPrintable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  private static void hex(StringBuilder out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(value >>> shift) & 0xf]);
    }
  }
}
