package io.hatchery.worker.load;

import java.net.URI;
import java.nio.file.Path;
import javax.tools.SimpleJavaFileObject;

/**
 * A Java source held in memory, named as the user should see it in compiler messages. Immutable.
 */
final class JavaSourceFile extends SimpleJavaFileObject {
  private final String displayName;
  private final String text;

  /**
   * @param path the file the text came from; its name is what javac checks a public class against
   * @param displayName the name printed in diagnostics
   * @param text the source text
   */
  JavaSourceFile(Path path, String displayName, String text) {
    super(uriOf(path), Kind.SOURCE);
    this.displayName = displayName;
    this.text = text;
  }

  private static URI uriOf(Path path) {
    return path.toAbsolutePath().normalize().toUri();
  }

  String displayName() {
    return displayName;
  }

  /** The text of 1-based {@code lineNumber}, or an empty string past the end. */
  String line(long lineNumber) {
    String[] lines = text.split("\\R", -1);
    return lineNumber >= 1 && lineNumber <= lines.length ? lines[(int) lineNumber - 1] : "";
  }

  @Override
  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
    return text;
  }

  /**
   * Always true: javac's rule that a public class lives in a file of its name is relaxed, so the
   * default {@code locustfile.java} may hold public classes, several of them.
   */
  @Override
  public boolean isNameCompatible(String simpleName, Kind kind) {
    return kind == Kind.SOURCE;
  }

  @Override
  public String getName() {
    return displayName;
  }
}
