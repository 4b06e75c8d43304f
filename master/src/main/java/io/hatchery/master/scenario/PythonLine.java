package io.hatchery.master.scenario;

import java.util.List;

/**
 * One logical line of Python source: physical lines joined by backslashes or open brackets, with
 * the indentation of its first physical line (tabs to the next multiple of 8, as Python counts
 * them). Blank and comment-only lines are not logical lines. Immutable.
 *
 * @param line the 1-based number of its first physical line
 * @param indent columns of indentation
 * @param tokens never empty
 */
record PythonLine(int line, int indent, List<PythonToken> tokens) {
  PythonLine {
    tokens = List.copyOf(tokens);
  }

  PythonToken first() {
    return tokens.get(0);
  }
}
