package io.hatchery.master.scenario;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves a {@code -f} value naming Python locustfiles into files, as Locust 2.12.1's
 * argument_parser.py does: a comma-separated list of {@code .py} files; a directory, meaning every
 * {@code .py} file under it except names starting with {@code _} and {@code locust.py}; or one
 * name, with {@code .py} appended when missing and, without a path component, searched in the
 * working directory and then its parents (a package directory found there stands for its {@code
 * __init__.py}). Stateless.
 */
public final class PythonLocustfiles {
  private PythonLocustfiles() {}

  /** True when {@code option} names Python files: any element ends with {@code .py}. */
  public static boolean isPython(String option) {
    for (String element : option.split(",")) {
      if (element.strip().endsWith(".py")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The files {@code option} names, in order.
   *
   * @throws FileNotFoundException with Locust's wording when nothing matches
   */
  public static List<Path> resolve(String option, Path workingDirectory) throws IOException {
    List<String> names = new ArrayList<>();
    for (String element : option.split(",")) {
      if (!element.isBlank()) {
        names.add(element.strip());
      }
    }
    if (names.size() == 1 && Files.isDirectory(workingDirectory.resolve(names.get(0)))) {
      return underDirectory(workingDirectory.resolve(names.get(0)), names.get(0));
    }
    if (names.size() == 1) {
      return List.of(single(names.get(0), workingDirectory));
    }
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      if (!name.endsWith(".py")) {
        throw new FileNotFoundException(
            "Invalid file '" + name + "'. File should have '.py' extension");
      }
      Path file = workingDirectory.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new FileNotFoundException("Could not find '" + name + "'.");
      }
      files.add(file);
    }
    return files;
  }

  private static List<Path> underDirectory(Path directory, String name) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String file = p.getFileName().toString();
                    return file.endsWith(".py")
                        && !file.startsWith("_")
                        && !file.equals("locust.py");
                  })
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new FileNotFoundException(
            "Could not find any locustfiles in directory '"
                + name
                + "'. See --help for available options.");
      }
      return files;
    }
  }

  private static Path single(String name, Path cwd) throws FileNotFoundException {
    List<String> candidates = name.endsWith(".py") ? List.of(name) : List.of(name, name + ".py");
    boolean bare = !name.contains("/");
    for (Path dir = cwd.toAbsolutePath(); dir != null; dir = bare ? dir.getParent() : null) {
      for (String candidate : candidates) {
        Path path = dir.resolve(candidate);
        if (candidate.endsWith(".py") && Files.isRegularFile(path)) {
          return path;
        }
        if (Files.isRegularFile(path.resolve("__init__.py"))) {
          return path.resolve("__init__.py");
        }
      }
    }
    String shown = name.equals("locustfile") ? "locustfile.py" : name;
    String note =
        name.endsWith(".py") || name.equals("locustfile")
            ? ""
            : "Ensure your locustfile ends with '.py' or is a directory with locustfiles. ";
    throw new FileNotFoundException(
        "Could not find '" + shown + "'. " + note + "See --help for available options.");
  }
}
