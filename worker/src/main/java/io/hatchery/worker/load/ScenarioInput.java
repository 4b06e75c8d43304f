package io.hatchery.worker.load;

import java.nio.file.Path;

/**
 * One thing {@code -f} names after resolution: a Java source file, a jar, or a class on the
 * classpath. A directory has already been expanded into its source files. Immutable.
 */
public sealed interface ScenarioInput {

  /**
   * A {@code .java} file to compile in memory.
   *
   * @param path where to read it
   * @param displayName how compiler messages name it: the path as the user wrote it, or relative to
   *     the directory the user named
   */
  record JavaFile(Path path, String displayName) implements ScenarioInput {}

  /** A jar whose classes are scanned for user classes. */
  record Jar(Path path) implements ScenarioInput {}

  /** A binary class name looked up on the running classpath, e.g. {@code com.example.ShopUser}. */
  record ClassName(String name) implements ScenarioInput {}
}
