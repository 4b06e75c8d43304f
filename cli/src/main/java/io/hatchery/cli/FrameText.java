package io.hatchery.cli;

import io.hatchery.protocol.Message;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders a decoded message so that msgpack types stay visible: strings quoted, floats always with
 * a decimal point ({@code 150.0} is not {@code 150}), binary as {@code bin(base64)}, nil as {@code
 * nil}. Maps keep wire order.
 */
final class FrameText {
  private FrameText() {}

  static String render(Message message) {
    StringBuilder out = new StringBuilder();
    out.append('[');
    value(out, message.type());
    out.append(", ");
    value(out, message.data());
    out.append(", ");
    value(out, message.nodeId());
    return out.append(']').toString();
  }

  static void value(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("nil");
      case String s -> string(out, s);
      case Double d -> out.append(d.isInfinite() || d.isNaN() ? d.toString() : floatText(d));
      case byte[] bytes ->
          out.append("bin(").append(Base64.getEncoder().encodeToString(bytes)).append(')');
      case Map<?, ?> map -> map(out, map);
      case List<?> list -> list(out, list);
      default -> out.append(value);
    }
  }

  private static String floatText(double d) {
    String text = Double.toString(d);
    return text.contains(".") || text.contains("E") ? text : text + ".0";
  }

  private static void map(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      value(out, entry.getKey());
      out.append(": ");
      value(out, entry.getValue());
      if (entries.hasNext()) {
        out.append(", ");
      }
    }
    out.append('}');
  }

  private static void list(StringBuilder out, List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      value(out, list.get(i));
    }
    out.append(']');
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
