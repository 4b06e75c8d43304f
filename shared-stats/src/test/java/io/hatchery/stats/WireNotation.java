package io.hatchery.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the fixture notation written by src/test/python/gen_locust_fixtures.py: Python literals
 * (None, True, False, ints, float reprs, double-quoted JSON strings, lists, dicts with any keys)
 * into the Java types of our msgpack value mapping: null, Boolean, Long, Double, String, List,
 * LinkedHashMap.
 */
public final class WireNotation {

  private final String text;
  private int pos;

  private WireNotation(String text) {
    this.text = text;
  }

  public static Object parse(String text) {
    WireNotation parser = new WireNotation(text);
    Object value = parser.value();
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("trailing characters");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    char c = text.charAt(pos);
    if (c == '[') {
      return list();
    } else if (c == '{') {
      return map();
    } else if (c == '"') {
      return string();
    } else if (text.startsWith("None", pos)) {
      pos += 4;
      return null;
    } else if (text.startsWith("True", pos)) {
      pos += 4;
      return Boolean.TRUE;
    } else if (text.startsWith("False", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    return number();
  }

  private List<Object> list() {
    List<Object> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (text.charAt(pos) == ']') {
      pos++;
      return list;
    }
    while (true) {
      list.add(value());
      skipSpace();
      char c = text.charAt(pos++);
      if (c == ']') {
        return list;
      } else if (c != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private Map<Object, Object> map() {
    Map<Object, Object> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (text.charAt(pos) == '}') {
      pos++;
      return map;
    }
    while (true) {
      Object key = value();
      skipSpace();
      if (text.charAt(pos++) != ':') {
        throw error("expected :");
      }
      map.put(key, value());
      skipSpace();
      char c = text.charAt(pos++);
      if (c == '}') {
        return map;
      } else if (c != ',') {
        throw error("expected , or }");
      }
    }
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      } else if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> sb.append(e);
      }
    }
  }

  private Object number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String token = text.substring(start, pos);
    if (token.isEmpty()) {
      throw error("unexpected character");
    }
    if (token.contains(".") || token.contains("e") || token.contains("E")) {
      return Double.parseDouble(token);
    }
    return Long.parseLong(token);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        what + " at " + pos + ": " + text.substring(pos, Math.min(text.length(), pos + 40)));
  }
}
