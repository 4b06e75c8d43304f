package io.hatchery.it.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the repository from a test running in the {@code it} module. */
final class RepoFiles {
  private RepoFiles() {}

  /** The repository root: the first ancestor of the working directory holding {@code mvnw}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path resolve(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
