package io.hatchery.master.scenario;

import java.util.List;

/**
 * Reads the value of a class attribute when it is a literal: an int ({@code 3}, {@code 1_000},
 * {@code 0x10}), a float ({@code 0.5}, {@code 1e3}), with an optional sign, or {@code True}/{@code
 * False}, possibly in parentheses. Anything else (names, calls, arithmetic) is not a literal.
 */
final class PythonLiterals {
  private PythonLiterals() {}

  /** A {@link Long}, {@link Double} or {@link Boolean}; null when the tokens are not a literal. */
  static Object value(List<PythonToken> tokens) {
    List<PythonToken> value = tokens;
    while (value.size() >= 2
        && value.get(0).isOp("(")
        && PythonExpressions.closing(value, 0) == value.size() - 1) {
      value = value.subList(1, value.size() - 1);
    }
    if (value.size() == 1 && value.get(0).kind() == PythonToken.Kind.NAME) {
      return switch (value.get(0).text()) {
        case "True" -> Boolean.TRUE;
        case "False" -> Boolean.FALSE;
        default -> null;
      };
    }
    boolean negative = false;
    if (value.size() == 2 && (value.get(0).isOp("-") || value.get(0).isOp("+"))) {
      negative = value.get(0).isOp("-");
      value = value.subList(1, 2);
    }
    if (value.size() != 1 || value.get(0).kind() != PythonToken.Kind.NUMBER) {
      return null;
    }
    Object number = number(value.get(0).text());
    if (negative && number instanceof Long n) {
      return -n;
    }
    return negative && number instanceof Double d ? -d : number;
  }

  private static Object number(String literal) {
    String text = literal.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    try {
      if (text.startsWith("0x")) {
        return Long.parseLong(text.substring(2), 16);
      }
      if (text.startsWith("0o")) {
        return Long.parseLong(text.substring(2), 8);
      }
      if (text.startsWith("0b")) {
        return Long.parseLong(text.substring(2), 2);
      }
      if (text.endsWith("j") || text.endsWith("f") || text.endsWith("d")) {
        return null;
      }
      if (text.contains(".") || text.contains("e")) {
        return Double.parseDouble(text);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
