package io.hatchery.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a config file in ConfigArgParse's default syntax, which Locust 2.12.1 uses for {@code
 * ~/.locust.conf}, {@code ./locust.conf} and {@code --config}: one {@code key = value}, {@code key:
 * value} or {@code key value} per line; {@code #}/{@code ;} comments, {@code [section]} and {@code
 * ---} lines ignored; a bare key sets a flag; flags take true/false/yes/no/1/0; lists as {@code [a,
 * b]}. Keys are long option names without (or with) the leading dashes.
 */
final class ConfigFileReader {
  // ConfigArgParse 1.5 DefaultConfigFileParser: key, optional separator, optionally quoted value,
  // optional trailing " # comment".
  private static final Pattern LINE =
      Pattern.compile(
          "^(?<key>[^:=;#\\s]+)\\s*(?:(?<equal>[:=\\s])\\s*(['\"]?)(?<value>.+?)?\\3)?"
              + "\\s*(?:\\s[;#]\\s*(?<comment>.*?)\\s*)?$");

  private ConfigFileReader() {}

  /** Reads {@code file}; an absent file contributes nothing. */
  static SourceValues read(Path file) throws UsageException {
    if (!Files.isRegularFile(file)) {
      return new SourceValues();
    }
    try {
      return parse(Files.readAllLines(file), file.toString());
    } catch (IOException e) {
      throw UsageException.parse("cannot read config file " + file + ": " + e.getMessage());
    }
  }

  static SourceValues parse(List<String> lines, String fileName) throws UsageException {
    SourceValues source = new SourceValues();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()
          || line.startsWith("#")
          || line.startsWith(";")
          || line.startsWith("[")
          || line.startsWith("---")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw UsageException.parse("Unexpected line " + n + " in " + fileName + ": " + line);
      }
      String value = m.group("value");
      String equal = m.group("equal");
      if (value == null) {
        value = equal != null && !equal.equals(" ") ? "" : "true";
      }
      apply(source, m.group("key"), value, fileName);
    }
    return source;
  }

  private static void apply(SourceValues source, String rawKey, String value, String fileName)
      throws UsageException {
    String key = rawKey.startsWith("--") ? rawKey.substring(2) : rawKey;
    Optional<LocustOption> option =
        java.util.Arrays.stream(LocustOption.values())
            .filter(o -> o.names().contains("--" + key))
            .findFirst();
    Object implied = null;
    LocustOption target;
    Optional<OlderSpelling> older = OlderSpellings.byConfigKey(key);
    if (older.isPresent()) {
      source.note(older.get().note());
      target = older.get().current();
      implied = older.get().impliedValue();
      if (target == null) {
        return;
      }
    } else if (option.isPresent()) {
      target = option.get();
    } else {
      String message = "unrecognized arguments: --" + key + "=" + value + " (in " + fileName + ")";
      throw UsageException.parse(
          Suggestions.closest(key, configKeys())
              .map(s -> message + " (did you mean " + s + "?)")
              .orElse(message));
    }
    source.set(target, convert(target, key, value, implied));
  }

  static Object convert(LocustOption target, String key, String value, Object implied)
      throws UsageException {
    if (implied != null) {
      return OptionValues.flag(key, value) == null ? null : implied;
    }
    if (target.type() == OptionType.FLAG) {
      return OptionValues.flag(key, value);
    }
    if (target.type() == OptionType.LIST) {
      return OptionValues.list(value);
    }
    if (value.startsWith("[") && value.endsWith("]")) {
      throw UsageException.parse(
          key
              + " can't be set to a list '"
              + value
              + "' unless its action type is changed to 'append' or nargs is set to '*', '+', or"
              + " > 1");
    }
    return OptionValues.convert(target, value);
  }

  private static List<String> configKeys() {
    return java.util.Arrays.stream(LocustOption.values())
        .filter(o -> o.help().isPresent())
        .map(LocustOption::configKey)
        .toList();
  }
}
