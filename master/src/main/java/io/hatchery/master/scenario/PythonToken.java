package io.hatchery.master.scenario;

/**
 * One Python token: a name (keywords included), a number, a string literal (with its quotes and
 * prefix, unparsed) or an operator/delimiter. Comments and whitespace are not tokens. Immutable.
 *
 * @param line the 1-based line the token starts on
 */
record PythonToken(Kind kind, String text, int line) {
  enum Kind {
    NAME,
    NUMBER,
    STRING,
    OP
  }

  boolean isName(String name) {
    return kind == Kind.NAME && text.equals(name);
  }

  boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }
}
