package io.hatchery.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL text helpers for {@link HttpSession}: requests' {@code requote_uri} and {@code params=}. */
final class Urls {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Urls() {}

  /** Whether {@code url} starts with {@code http://} or {@code https://}, in any case (Locust). */
  static boolean isAbsolute(String url) {
    return url.regionMatches(true, 0, "http://", 0, 7)
        || url.regionMatches(true, 0, "https://", 0, 8);
  }

  /**
   * Percent-encodes what may not appear in a request line (controls, space, non-ASCII as UTF-8,
   * {@code "<>\^`{|}}) and keeps everything else, existing escapes included. Returns {@code text}
   * itself when nothing needs encoding, which is the common case.
   */
  static String requote(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (byte b : text.substring(first).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unsafe(c)) {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  /** Appends {@code name=value} pairs, form-encoded, after {@code ?} or {@code &}. */
  static String appendQuery(String pathAndQuery, String[] pairs) {
    StringBuilder out = new StringBuilder(pathAndQuery);
    char separator = pathAndQuery.indexOf('?') < 0 ? '?' : '&';
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(separator)
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
      separator = '&';
    }
    return out.toString();
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (unsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean unsafe(int c) {
    return c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
        || c == '`' || c == '{' || c == '|' || c == '}';
  }
}
