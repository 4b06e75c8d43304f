package io.hatchery.cli.options;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts the text of an option's value, wherever it came from, into its Java value: {@code
 * Boolean}, {@code Integer}, {@code Double}, {@code String} or {@code List<String>}. Error messages
 * follow argparse ({@code argument -u/--users: invalid int value: 'abc'}).
 */
final class OptionValues {
  private static final Pattern PYTHON_INT = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");
  private static final Pattern PYTHON_FLOAT =
      Pattern.compile(
          "\\s*[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|inf|infinity|nan)\\s*",
          Pattern.CASE_INSENSITIVE);

  private OptionValues() {}

  /** Converts one written value of a non-flag, non-list option. */
  static Object convert(LocustOption option, String text) throws UsageException {
    return switch (option.type()) {
      case TEXT -> text;
      case INT -> {
        if (!PYTHON_INT.matcher(text).matches()) {
          throw invalid(option, "int", text);
        }
        try {
          yield Integer.parseInt(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
          throw invalid(option, "int", text);
        }
      }
      case FLOAT -> {
        if (!PYTHON_FLOAT.matcher(text).matches()) {
          throw invalid(option, "float", text);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        yield t.contains("inf")
            ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
            : t.contains("nan") ? Double.NaN : Double.parseDouble(t);
      }
      case LIST -> List.of(text);
      case FLAG -> throw new IllegalArgumentException(option + " is a flag");
    };
  }

  /**
   * Converts a config-file or environment value of a flag as configargparse does: true/yes/1 sets
   * it, false/no/0 leaves it unset (null), anything else is an error.
   */
  static Boolean flag(String key, String text) throws UsageException {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("yes") || lower.equals("1")) {
      return Boolean.TRUE;
    }
    if (lower.equals("false") || lower.equals("no") || lower.equals("0")) {
      return null;
    }
    throw UsageException.parse(
        "Unexpected value for "
            + key
            + ": '"
            + text
            + "'. Expecting 'true', 'false', 'yes', 'no', '1' or '0'");
  }

  /**
   * Splits configargparse's list syntax {@code [a, b]} (JSON or bare words); any other text is one
   * element.
   */
  static List<String> list(String text) {
    if (text.startsWith("[") && text.endsWith("]")) {
      String inner = text.substring(1, text.length() - 1).strip();
      if (inner.isEmpty()) {
        return List.of();
      }
      return java.util.Arrays.stream(inner.split(","))
          .map(String::strip)
          .map(OptionValues::unquote)
          .toList();
    }
    return List.of(text);
  }

  private static String unquote(String word) {
    if (word.length() >= 2
        && (word.startsWith("\"") && word.endsWith("\"")
            || word.startsWith("'") && word.endsWith("'"))) {
      return word.substring(1, word.length() - 1);
    }
    return word;
  }

  static String displayNames(LocustOption option) {
    return String.join("/", option.names());
  }

  private static UsageException invalid(LocustOption option, String type, String text) {
    return UsageException.parse(
        "argument " + displayNames(option) + ": invalid " + type + " value: '" + text + "'");
  }
}
