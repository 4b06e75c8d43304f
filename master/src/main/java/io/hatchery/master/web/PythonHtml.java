package io.hatchery.master.web;

/**
 * Python's {@code html.escape}, which Locust 2.12.1's web API applies to names, error texts,
 * exception messages and tracebacks ({@code safe_name} uses {@code quote=False}). Stateless.
 */
final class PythonHtml {

  private PythonHtml() {}

  /** Escapes {@code & < > " '} as {@code &amp; &lt; &gt; &quot; &#x27;}. */
  static String escape(String text) {
    return escape(text, true);
  }

  /** Escapes {@code & < >}, and {@code " '} too when {@code quote}. */
  static String escape(String text, boolean quote) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(quote ? "&quot;" : "\"");
        case '\'' -> out.append(quote ? "&#x27;" : "'");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
