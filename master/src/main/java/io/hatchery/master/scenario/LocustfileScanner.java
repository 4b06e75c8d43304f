package io.hatchery.master.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Walks the logical lines of a Python module and collects its top-level {@code class} statements
 * and imports. Decorators, functions, and other statements are skipped; a {@code class} inside a
 * top-level {@code if}/{@code try}/{@code with}/loop block is reported, not read. Not thread-safe;
 * one per file.
 */
final class LocustfileScanner {
  /** The class-level attributes Locust's dispatcher and loader read. */
  static final Set<String> ATTRIBUTES = Set.of("weight", "fixed_count", "abstract");

  private static final Set<String> BLOCKS =
      Set.of("if", "elif", "else", "try", "except", "finally", "with", "for", "while", "match");

  private final BiConsumer<Integer, String> problems;
  private final List<ClassStatement> classes = new ArrayList<>();
  private final PythonImports imports = new PythonImports();

  private LocustfileScanner(BiConsumer<Integer, String> problems) {
    this.problems = problems;
  }

  /** What one module defines at top level. */
  record Module(List<ClassStatement> classes, PythonImports imports) {}

  static Module scan(List<PythonLine> lines, BiConsumer<Integer, String> problems) {
    LocustfileScanner scanner = new LocustfileScanner(problems);
    int i = 0;
    while (i < lines.size()) {
      PythonLine head = lines.get(i);
      if (head.indent() > 0) {
        problems.accept(
            head.line(), "unexpected indentation at module level; line read as top-level");
      }
      int end = i + 1;
      while (end < lines.size() && lines.get(end).indent() > head.indent()) {
        end++;
      }
      scanner.statement(head, lines.subList(i + 1, end));
      i = end;
    }
    return new Module(List.copyOf(scanner.classes), scanner.imports);
  }

  private void statement(PythonLine head, List<PythonLine> body) {
    PythonToken first = head.first();
    if (first.isName("class")) {
      readClass(head, body);
    } else if (first.isName("import") || first.isName("from")) {
      imports.read(head.tokens());
    } else if (first.kind() == PythonToken.Kind.NAME && BLOCKS.contains(first.text())) {
      for (PythonLine line : body) {
        if (line.first().isName("class") && line.tokens().size() > 1) {
          problems.accept(
              line.line(),
              "class "
                  + line.tokens().get(1).text()
                  + " is defined inside a top-level '"
                  + first.text()
                  + "' block; only unconditional top-level classes are read");
        }
      }
    }
  }

  private void readClass(PythonLine head, List<PythonLine> body) {
    List<PythonToken> tokens = head.tokens();
    if (tokens.size() < 3 || tokens.get(1).kind() != PythonToken.Kind.NAME) {
      problems.accept(head.line(), "cannot read this class statement; skipped");
      return;
    }
    String name = tokens.get(1).text();
    int at = 2;
    if (tokens.get(at).isOp("[")) {
      at = PythonExpressions.closing(tokens, at) + 1;
    }
    List<String> bases = new ArrayList<>();
    if (at < tokens.size() && tokens.get(at).isOp("(")) {
      int close = PythonExpressions.closing(tokens, at);
      bases = PythonExpressions.bases(tokens.subList(at + 1, Math.min(close, tokens.size())));
      at = close + 1;
    }
    if (at >= tokens.size() || !tokens.get(at).isOp(":")) {
      problems.accept(head.line(), "cannot read the class statement of " + name + "; skipped");
      return;
    }
    Map<String, List<PythonToken>> attributes = new HashMap<>();
    assignments(tokens.subList(at + 1, tokens.size()), attributes, name);
    readBody(body, attributes, name);
    classes.add(new ClassStatement(name, head.line(), bases, attributes));
  }

  private void readBody(
      List<PythonLine> body, Map<String, List<PythonToken>> attributes, String className) {
    if (body.isEmpty()) {
      return;
    }
    int direct = body.get(0).indent();
    PythonToken opener = null;
    for (PythonLine line : body) {
      if (line.indent() <= direct) {
        if (line.indent() < direct) {
          problems.accept(line.line(), "inconsistent indentation in class " + className);
        }
        opener = line.first();
        assignments(line.tokens(), attributes, className);
      } else if (opener != null
          && opener.kind() == PythonToken.Kind.NAME
          && BLOCKS.contains(opener.text())
          && assignsAttribute(line.tokens())) {
        problems.accept(
            line.line(),
            "conditional assignment of "
                + line.first().text()
                + " in class "
                + className
                + " is not read");
      }
    }
  }

  /** Reads {@code weight = 3}, {@code weight: float = 0.5}, {@code a = b = 1}, {@code x; y}. */
  private void assignments(
      List<PythonToken> tokens, Map<String, List<PythonToken>> attributes, String className) {
    for (List<PythonToken> statement : PythonExpressions.split(tokens, ";")) {
      List<List<PythonToken>> parts = PythonExpressions.split(statement, "=");
      for (int i = 0; i < parts.size() - 1; i++) {
        List<PythonToken> target = parts.get(i);
        if (isAttributeTarget(target)) {
          List<PythonToken> value = parts.get(parts.size() - 1);
          if (value.isEmpty()) {
            problems.accept(
                target.get(0).line(), target.get(0).text() + " of " + className + " has no value");
          } else {
            attributes.put(target.get(0).text(), value);
          }
        }
      }
    }
  }

  private static boolean assignsAttribute(List<PythonToken> tokens) {
    List<List<PythonToken>> parts = PythonExpressions.split(tokens, "=");
    return parts.size() > 1 && isAttributeTarget(parts.get(0));
  }

  private static boolean isAttributeTarget(List<PythonToken> target) {
    return !target.isEmpty()
        && target.get(0).kind() == PythonToken.Kind.NAME
        && ATTRIBUTES.contains(target.get(0).text())
        && (target.size() == 1 || target.get(1).isOp(":"));
  }
}
