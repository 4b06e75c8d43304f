package io.hatchery.worker.load;

import java.util.List;

/**
 * At least one {@code .java} source given to {@code -f} did not compile. {@link #getMessage()} is
 * the javac-like report: every diagnostic as {@code File.java:LINE: error: message} with the source
 * line and a caret, then a summary such as {@code 2 errors}. Immutable.
 */
public final class CompilationFailedException extends ScenarioLoadException {
  private static final long serialVersionUID = 1L;

  private final List<String> diagnostics;

  CompilationFailedException(String report, List<String> diagnostics) {
    super(report);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Each diagnostic as printed, in the compiler's order, without the summary. */
  public List<String> diagnostics() {
    return diagnostics;
  }
}
