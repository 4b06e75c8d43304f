package io.hatchery.master.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Splits Python source into {@link PythonLine logical lines} of tokens, following the lexical rules
 * of the Python language reference (chapter 2): comments, backslash continuations, implicit joining
 * inside brackets, single-, double- and triple-quoted strings with prefixes, numbers with
 * underscores. Malformed input (an unterminated string, an unclosed bracket) is reported to the
 * problem sink with its line and tokenizing goes on; it never throws. Not thread-safe; one instance
 * per source.
 */
final class PythonTokenizer {
  private static final Set<String> STRING_PREFIXES =
      Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");
  private static final List<String> OPERATORS =
      List.of(
          "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "+=", "-=", "*=",
          "/=", "%=", "&=", "|=", "^=", "@=", "**", "//", "<<", ">>");

  private final String source;
  private final BiConsumer<Integer, String> problems;
  private final List<PythonLine> lines = new ArrayList<>();
  private final Deque<PythonToken> openBrackets = new ArrayDeque<>();
  private int pos;
  private int line = 1;

  private PythonTokenizer(String source, BiConsumer<Integer, String> problems) {
    this.source = source;
    this.problems = problems;
  }

  /**
   * The logical lines of {@code source}; {@code problems} receives (line, message) for anything
   * malformed.
   */
  static List<PythonLine> tokenize(String source, BiConsumer<Integer, String> problems) {
    PythonTokenizer tokenizer = new PythonTokenizer(source, problems);
    tokenizer.run();
    return tokenizer.lines;
  }

  private void run() {
    if (source.startsWith("\uFEFF")) {
      pos = 1;
    }
    while (pos < source.length()) {
      int startLine = line;
      int indent = indentation();
      List<PythonToken> tokens = new ArrayList<>();
      readLogicalLine(tokens);
      if (!tokens.isEmpty()) {
        lines.add(new PythonLine(startLine, indent, tokens));
      }
    }
    if (!openBrackets.isEmpty()) {
      PythonToken open = openBrackets.peekLast();
      problems.accept(open.line(), "'" + open.text() + "' is never closed");
    }
  }

  private int indentation() {
    int columns = 0;
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == ' ') {
        columns++;
      } else if (c == '\t') {
        columns = (columns / 8 + 1) * 8;
      } else if (c == '\f') {
        columns = 0;
      } else {
        break;
      }
      pos++;
    }
    return columns;
  }

  private void readLogicalLine(List<PythonToken> tokens) {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '\n' || c == '\r') {
        newline();
        if (openBrackets.isEmpty()) {
          return;
        }
      } else if (c == '\\' && isNewlineAt(pos + 1)) {
        pos++;
        newline();
      } else if (c == '#') {
        while (pos < source.length() && !isNewlineAt(pos)) {
          pos++;
        }
      } else if (c == ' ' || c == '\t' || c == '\f' || c == '\\') {
        pos++;
      } else if (c == '"' || c == '\'') {
        tokens.add(string(pos, line));
      } else if (isNameStart(c)) {
        tokens.add(nameOrString());
      } else if (Character.isDigit(c)
          || (c == '.' && pos + 1 < source.length() && Character.isDigit(source.charAt(pos + 1)))) {
        tokens.add(number());
      } else {
        tokens.add(operator());
      }
    }
  }

  private PythonToken nameOrString() {
    int start = pos;
    int startLine = line;
    while (pos < source.length() && isNamePart(source.charAt(pos))) {
      pos++;
    }
    String name = source.substring(start, pos);
    if (pos < source.length()
        && (source.charAt(pos) == '"' || source.charAt(pos) == '\'')
        && STRING_PREFIXES.contains(name.toLowerCase(Locale.ROOT))) {
      return string(start, startLine);
    }
    return new PythonToken(PythonToken.Kind.NAME, name, startLine);
  }

  /** Reads the string whose quote is at {@link #pos}; {@code start} includes any prefix. */
  private PythonToken string(int start, int startLine) {
    char quote = source.charAt(pos);
    boolean triple = source.startsWith(String.valueOf(quote).repeat(3), pos);
    pos += triple ? 3 : 1;
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '\\' && pos + 1 < source.length()) {
        pos++;
        if (isNewlineAt(pos)) {
          newline();
        } else {
          pos++;
        }
      } else if (triple && source.startsWith(String.valueOf(quote).repeat(3), pos)) {
        pos += 3;
        return new PythonToken(PythonToken.Kind.STRING, source.substring(start, pos), startLine);
      } else if (!triple && c == quote) {
        pos++;
        return new PythonToken(PythonToken.Kind.STRING, source.substring(start, pos), startLine);
      } else if (!triple && (c == '\n' || c == '\r')) {
        break;
      } else if (c == '\n' || c == '\r') {
        newline();
      } else {
        pos++;
      }
    }
    problems.accept(startLine, "unterminated string literal");
    return new PythonToken(PythonToken.Kind.STRING, source.substring(start, pos), startLine);
  }

  private PythonToken number() {
    int start = pos;
    boolean hex = source.startsWith("0x", pos) || source.startsWith("0X", pos);
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        pos++;
      } else if ((c == '+' || c == '-')
          && !hex
          && Character.toLowerCase(source.charAt(pos - 1)) == 'e') {
        pos++;
      } else {
        break;
      }
    }
    return new PythonToken(PythonToken.Kind.NUMBER, source.substring(start, pos), line);
  }

  private PythonToken operator() {
    for (String op : OPERATORS) {
      if (source.startsWith(op, pos)) {
        pos += op.length();
        return new PythonToken(PythonToken.Kind.OP, op, line);
      }
    }
    PythonToken token =
        new PythonToken(PythonToken.Kind.OP, String.valueOf(source.charAt(pos)), line);
    pos++;
    switch (token.text()) {
      case "(", "[", "{" -> openBrackets.push(token);
      case ")", "]", "}" -> closeBracket(token);
      default -> {}
    }
    return token;
  }

  private void closeBracket(PythonToken close) {
    if (openBrackets.isEmpty()) {
      problems.accept(close.line(), "unmatched '" + close.text() + "'");
    } else {
      openBrackets.pop();
    }
  }

  private void newline() {
    if (source.charAt(pos) == '\r' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
  }

  private boolean isNewlineAt(int index) {
    return index < source.length()
        && (source.charAt(index) == '\n' || source.charAt(index) == '\r');
  }

  private static boolean isNameStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  private static boolean isNamePart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
