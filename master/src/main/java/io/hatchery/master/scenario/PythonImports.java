package io.hatchery.master.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a module's top-level {@code import} and {@code from ... import} statements bind. Not
 * thread-safe; filled while scanning one file.
 */
final class PythonImports {
  /**
   * Where an imported name came from.
   *
   * @param module the module imported from, e.g. {@code locust.contrib.fasthttp}
   * @param name the name in that module, e.g. {@code FastHttpUser}
   * @param line where it was imported
   */
  record Origin(String module, String name, int line) {}

  private final Map<String, Origin> names = new LinkedHashMap<>();
  private final List<Origin> starImports = new ArrayList<>();

  /** Reads an {@code import} or {@code from} statement; ignores anything else. */
  void read(List<PythonToken> tokens) {
    if (tokens.get(0).isName("from")) {
      readFrom(tokens);
    } else if (tokens.get(0).isName("import")) {
      readImport(tokens);
    }
  }

  /** The origin of {@code name}, or null when no import binds it. */
  Origin origin(String name) {
    return names.get(name);
  }

  /** Every name bound by a {@code from M import name [as alias]} statement, alias to origin. */
  Map<String, Origin> fromImports() {
    Map<String, Origin> fromImports = new LinkedHashMap<>();
    names.forEach(
        (alias, origin) -> {
          if (!origin.name().isEmpty()) {
            fromImports.put(alias, origin);
          }
        });
    return fromImports;
  }

  /** The {@code from M import *} statements, whose names are unknown. */
  List<Origin> starImports() {
    return starImports;
  }

  private void readFrom(List<PythonToken> tokens) {
    int importAt = indexOfName(tokens, "import");
    if (importAt < 0) {
      return;
    }
    String module = join(tokens.subList(1, importAt));
    List<PythonToken> rest = tokens.subList(importAt + 1, tokens.size());
    for (List<PythonToken> clause : splitOnCommas(rest)) {
      if (clause.size() == 1 && clause.get(0).isOp("*")) {
        starImports.add(new Origin(module, "*", clause.get(0).line()));
      } else if (!clause.isEmpty() && clause.get(0).kind() == PythonToken.Kind.NAME) {
        String name = clause.get(0).text();
        String alias =
            clause.size() == 3 && clause.get(1).isName("as") ? clause.get(2).text() : name;
        names.put(alias, new Origin(module, name, clause.get(0).line()));
      }
    }
  }

  private void readImport(List<PythonToken> tokens) {
    for (List<PythonToken> clause : splitOnCommas(tokens.subList(1, tokens.size()))) {
      int as = indexOfName(clause, "as");
      String module = join(as < 0 ? clause : clause.subList(0, as));
      if (module.isEmpty()) {
        continue;
      }
      String bound = as < 0 ? module.split("\\.")[0] : join(clause.subList(as + 1, clause.size()));
      String target = as < 0 ? bound : module;
      names.put(bound, new Origin(target, "", clause.get(0).line()));
    }
  }

  private static List<List<PythonToken>> splitOnCommas(List<PythonToken> tokens) {
    List<List<PythonToken>> clauses = new ArrayList<>();
    List<PythonToken> current = new ArrayList<>();
    for (PythonToken token : tokens) {
      if (token.isOp(",")) {
        clauses.add(current);
        current = new ArrayList<>();
      } else if (!token.isOp("(") && !token.isOp(")")) {
        current.add(token);
      }
    }
    clauses.add(current);
    return clauses;
  }

  private static int indexOfName(List<PythonToken> tokens, String name) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isName(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String join(List<PythonToken> tokens) {
    StringBuilder text = new StringBuilder();
    for (PythonToken token : tokens) {
      text.append(token.text());
    }
    return text.toString();
  }
}
