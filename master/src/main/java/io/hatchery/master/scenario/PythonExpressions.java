package io.hatchery.master.scenario;

import java.util.ArrayList;
import java.util.List;

/** Small operations on token lists: bracket matching, splitting at depth 0, base lists. */
final class PythonExpressions {
  private PythonExpressions() {}

  /** Index of the bracket closing the one at {@code open}, or {@code tokens.size()} if none. */
  static int closing(List<PythonToken> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      PythonToken token = tokens.get(i);
      if (isOpen(token)) {
        depth++;
      } else if (isClose(token) && --depth == 0) {
        return i;
      }
    }
    return tokens.size();
  }

  /** Splits at every {@code separator} operator outside brackets; always at least one part. */
  static List<List<PythonToken>> split(List<PythonToken> tokens, String separator) {
    List<List<PythonToken>> parts = new ArrayList<>();
    List<PythonToken> current = new ArrayList<>();
    int depth = 0;
    for (PythonToken token : tokens) {
      if (isOpen(token)) {
        depth++;
      } else if (isClose(token)) {
        depth--;
      }
      if (depth == 0 && token.isOp(separator)) {
        parts.add(current);
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    parts.add(current);
    return parts;
  }

  /**
   * The bases of a class from the tokens between its parentheses: dotted names (a subscript such as
   * {@code Generic[T]} is dropped), keyword arguments such as {@code metaclass=} skipped, and
   * anything else kept as {@code "?"} plus its text.
   */
  static List<String> bases(List<PythonToken> tokens) {
    List<String> bases = new ArrayList<>();
    for (List<PythonToken> part : split(tokens, ",")) {
      if (part.isEmpty() || split(part, "=").size() > 1) {
        continue;
      }
      String dotted = dottedName(part);
      bases.add(dotted != null ? dotted : "?" + text(part));
    }
    return bases;
  }

  /** {@code a.b.C} (optionally followed by a subscript) as a string, or null. */
  static String dottedName(List<PythonToken> tokens) {
    StringBuilder name = new StringBuilder();
    int i = 0;
    while (i < tokens.size()) {
      PythonToken token = tokens.get(i);
      boolean expectName = i % 2 == 0;
      if (expectName && token.kind() == PythonToken.Kind.NAME) {
        name.append(token.text());
      } else if (!expectName && token.isOp(".")) {
        name.append('.');
      } else if (!expectName && token.isOp("[") && closing(tokens, i) == tokens.size() - 1) {
        return name.toString();
      } else {
        return null;
      }
      i++;
    }
    return i % 2 == 1 ? name.toString() : null;
  }

  /** The tokens' text joined by single spaces, for messages. */
  static String text(List<PythonToken> tokens) {
    List<String> texts = new ArrayList<>();
    for (PythonToken token : tokens) {
      texts.add(token.text());
    }
    return String.join(" ", texts);
  }

  private static boolean isOpen(PythonToken token) {
    return token.isOp("(") || token.isOp("[") || token.isOp("{");
  }

  private static boolean isClose(PythonToken token) {
    return token.isOp(")") || token.isOp("]") || token.isOp("}");
  }
}
