package io.hatchery.master.scenario;

/**
 * Something in a Python locustfile the static reader could not read or had to ignore, with where it
 * is. Immutable.
 *
 * @param file the file as the user named it
 * @param line 1-based line
 * @param message what was not understood and what the reader did instead
 */
public record LocustfileWarning(String file, int line, String message) {
  /** {@code file:line: message}, the shape compilers use. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
