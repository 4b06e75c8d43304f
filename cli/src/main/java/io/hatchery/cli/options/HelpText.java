package io.hatchery.cli.options;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code --help} from the {@link LocustOption} table, laid out like argparse's help (names
 * and metavars, help text in a column at 24, wrapped at 80), with each option's environment
 * variable and default, and the old spellings that still work.
 */
public final class HelpText {
  private static final int HELP_COLUMN = 24;
  private static final int WIDTH = 80;

  private HelpText() {}

  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append("Usage: hatchery [OPTIONS] [UserClass ...]\n");
    out.append("       hatchery demo | decode FRAME...\n");
    for (OptionGroup group : OptionGroup.values()) {
      out.append('\n').append(group.title()).append(":\n");
      for (LocustOption option : LocustOption.values()) {
        if (option.group() == group && option.help().isPresent()) {
          option(out, option);
        }
      }
    }
    out.append("\nUser classes:\n");
    row(out, "UserClass", "Run only these user classes (default: every class in the scenario).");
    out.append("\nOlder spellings (Locust 0.x, accepted with a note):\n");
    for (OlderSpelling older : OlderSpellings.ALL) {
      String target =
          older.current() == null
              ? "(ignored)"
              : older.current() == LocustOption.NUM_REQUESTS
                  ? "stop after N requests (no current option)"
                  : String.join(", ", older.current().names());
      row(out, older.name(), "= " + target);
    }
    out.append("\nConfig files: ~/.locust.conf, ./locust.conf and --config FILE, one\n")
        .append("'key = value' per line, keys being long option names without dashes.\n")
        .append("Precedence: ~/.locust.conf < ./locust.conf < --config < environment <\n")
        .append("command line.\n");
    return out.toString();
  }

  private static void option(StringBuilder out, LocustOption option) {
    List<String> spelled = new ArrayList<>();
    for (String name : option.names()) {
      String metavar = option.metavar();
      if (metavar == null) {
        spelled.add(name);
      } else if (option.type() == OptionType.LIST) {
        spelled.add(name + " [" + metavar + " ...]");
      } else {
        spelled.add(name + " " + metavar);
      }
    }
    StringBuilder help = new StringBuilder(option.help().orElseThrow());
    List<String> facts = new ArrayList<>();
    option.envVar().ifPresent(e -> facts.add("env " + e));
    Object def = option.defaultValue();
    if (def != null && !(def instanceof Boolean) && !def.toString().isEmpty()) {
      facts.add("default " + def);
    }
    if (!facts.isEmpty()) {
      help.append(" [").append(String.join(", ", facts)).append(']');
    }
    row(out, String.join(", ", spelled), help.toString());
  }

  private static void row(StringBuilder out, String left, String text) {
    String head = "  " + left;
    List<String> lines = wrap(text, WIDTH - HELP_COLUMN);
    if (head.length() <= HELP_COLUMN - 2) {
      out.append(head).append(" ".repeat(HELP_COLUMN - head.length())).append(lines.get(0));
      lines = lines.subList(1, lines.size());
    } else {
      out.append(head);
    }
    out.append('\n');
    for (String line : lines) {
      out.append(" ".repeat(HELP_COLUMN)).append(line).append('\n');
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
