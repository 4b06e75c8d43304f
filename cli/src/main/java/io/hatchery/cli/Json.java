package io.hatchery.cli;

import io.hatchery.stats.report.PythonFormat;
import io.hatchery.stats.report.StatsJson;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as Python's {@code json.dumps(value,
 * indent=4)} does (floats as {@code repr}), for the JSON Locust prints on stdout.
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int depth) {
    switch (value) {
      case null -> out.append("null");
      case Map<?, ?> map -> container(out, '{', '}', map.entrySet().stream().toList(), depth);
      case List<?> list -> container(out, '[', ']', list, depth);
      case String s -> out.append(StatsJson.string(s));
      case Double d -> out.append(PythonFormat.floatRepr(d));
      case Float f -> out.append(PythonFormat.floatRepr(f));
      case Boolean b -> out.append(b ? "true" : "false");
      default -> out.append(value);
    }
  }

  private static void container(
      StringBuilder out, char open, char close, List<?> items, int depth) {
    if (items.isEmpty()) {
      out.append(open).append(close);
      return;
    }
    out.append(open).append('\n');
    String pad = "    ".repeat(depth + 1);
    for (int i = 0; i < items.size(); i++) {
      out.append(pad);
      if (items.get(i) instanceof Map.Entry<?, ?> entry) {
        out.append(StatsJson.string(String.valueOf(entry.getKey())));
        out.append(": ");
        write(out, entry.getValue(), depth + 1);
      } else {
        write(out, items.get(i), depth + 1);
      }
      out.append(i < items.size() - 1 ? ",\n" : "\n");
    }
    out.append("    ".repeat(depth)).append(close);
  }
}
