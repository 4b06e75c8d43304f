package io.hatchery.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the recorded golden frames ({@code *.msgpack} under the classpath folder {@code golden/})
 * wherever the golden branch put them; an empty list when there are none.
 */
final class GoldenFrames {
  private GoldenFrames() {}

  /** One recorded frame: its path relative to {@code golden/} and its bytes. */
  record Frame(String name, byte[] bytes) {
    /** Returns whether a Python Locust wrote it (directory named by a Locust version). */
    boolean writtenByPythonLocust() {
      return name.matches("\\d+\\.\\d+[^/]*/.*");
    }

    /** Returns whether the file name marks it as master to worker. */
    boolean masterToWorker() {
      return name.substring(name.lastIndexOf('/') + 1).startsWith("m2w-");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Frame> all() {
    URL root = GoldenFrames.class.getClassLoader().getResource("golden");
    if (root == null) {
      return List.of();
    }
    try {
      Path dir = Paths.get(root.toURI());
      try (Stream<Path> files = Files.walk(dir)) {
        return files
            .filter(path -> path.getFileName().toString().endsWith(".msgpack"))
            .sorted()
            .map(path -> new Frame(dir.relativize(path).toString().replace('\\', '/'), read(path)))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
