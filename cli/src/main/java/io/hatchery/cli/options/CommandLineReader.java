package io.hatchery.cli.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the command line the way Locust's argparse parser does: {@code --name value}, {@code
 * --name=value}, {@code -u 10}, {@code -u10}, unambiguous prefixes of long names ({@code --spawn}),
 * {@code nargs="*"} lists ({@code -T a b}), negative numbers as values, positional user class names
 * anywhere, {@code --} ending the options. The last occurrence of an option wins.
 */
final class CommandLineReader {
  private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+$|-\\d*\\.\\d+$");

  /** Every spelling: current names and old ones, in definition order. */
  private final Map<String, Object> spellings = new LinkedHashMap<>();

  CommandLineReader() {
    for (LocustOption option : LocustOption.values()) {
      for (String name : option.names()) {
        spellings.put(name, option);
      }
    }
    for (OlderSpelling older : OlderSpellings.ALL) {
      spellings.put(older.name(), older);
    }
  }

  SourceValues read(List<String> args) throws UsageException {
    SourceValues source = new SourceValues();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        source.positionals.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-") || NEGATIVE_NUMBER.matcher(arg).matches()) {
        source.positionals.add(arg);
        continue;
      }
      String name;
      String inline;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--")) {
        name = eq > 0 ? arg.substring(0, eq) : arg;
        inline = eq > 0 ? arg.substring(eq + 1) : null;
      } else {
        name = arg.substring(0, 2);
        inline = arg.length() > 2 ? arg.substring(arg.charAt(2) == '=' ? 3 : 2) : null;
      }
      Object spelling = resolve(name);
      if (spelling == null) {
        unknown.add(arg);
        continue;
      }
      i = apply(spelling, name, inline, args, i, source);
    }
    if (!unknown.isEmpty()) {
      throw unrecognized(unknown);
    }
    return source;
  }

  private int apply(
      Object spelling, String name, String inline, List<String> args, int i, SourceValues source)
      throws UsageException {
    LocustOption option;
    Object implied = null;
    if (spelling instanceof OlderSpelling older) {
      source.note(older.note());
      if (older.current() == null) {
        return i;
      }
      option = older.current();
      implied = older.impliedValue();
    } else {
      option = (LocustOption) spelling;
    }
    if (implied != null || !option.type().takesValue()) {
      if (inline != null) {
        throw UsageException.parse(
            "argument "
                + OptionValues.displayNames(option)
                + ": ignored explicit argument '"
                + inline
                + "'");
      }
      source.set(option, implied != null ? implied : Boolean.TRUE);
      return i;
    }
    if (option.type() == OptionType.LIST) {
      List<String> words = new ArrayList<>();
      if (inline != null) {
        words.add(inline);
      } else {
        while (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
          words.add(args.get(++i));
        }
      }
      source.set(option, List.copyOf(words));
      return i;
    }
    String value = inline;
    if (value == null) {
      boolean hasNext = i + 1 < args.size();
      String next = hasNext ? args.get(i + 1) : null;
      if (!hasNext
          || next.startsWith("-")
              && !next.equals("-")
              && !NEGATIVE_NUMBER.matcher(next).matches()) {
        throw UsageException.parse(
            "argument " + OptionValues.displayNames(option) + ": expected one argument");
      }
      value = next;
      i++;
    }
    source.set(option, OptionValues.convert(option, value));
    return i;
  }

  /** Exact spelling, else a unique prefix of a long spelling (argparse's allow_abbrev). */
  private Object resolve(String name) throws UsageException {
    Object exact = spellings.get(name);
    if (exact != null || !name.startsWith("--")) {
      return exact;
    }
    List<String> matches =
        spellings.keySet().stream().filter(s -> s.startsWith("--") && s.startsWith(name)).toList();
    if (matches.size() > 1) {
      throw UsageException.parse(
          "ambiguous option: " + name + " could match " + String.join(", ", matches));
    }
    return matches.isEmpty() ? null : spellings.get(matches.get(0));
  }

  private UsageException unrecognized(List<String> unknown) {
    String message = "unrecognized arguments: " + String.join(" ", unknown);
    String first = unknown.get(0);
    int eq = first.indexOf('=');
    String name = eq > 0 ? first.substring(0, eq) : first;
    List<String> candidates =
        spellings.keySet().stream()
            .filter(s -> s.startsWith("--") == name.startsWith("--"))
            .toList();
    return UsageException.parse(
        Suggestions.closest(name, candidates)
            .map(s -> message + " (did you mean " + s + "?)")
            .orElse(message));
  }
}
