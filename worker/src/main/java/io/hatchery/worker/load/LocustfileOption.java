package io.hatchery.worker.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves the value of {@code -f/--locustfile} into {@link ScenarioInput}s. Pure apart from
 * reading the file system; stateless and thread-safe.
 *
 * <p>Mirrors {@code parse_locustfile_option} and {@code find_locustfile} in Locust 2.12.1's
 * argument_parser.py. The value is a comma-separated list; each element is, in this order:
 *
 * <ol>
 *   <li>a name ending in {@code .java}: that source file;
 *   <li>a name ending in {@code .jar}: that jar;
 *   <li>an existing directory: every {@code .java} file under it (hidden files and directories and
 *       {@code module-info.java} skipped), in path order;
 *   <li>a name that becomes an existing file when {@code .java} is appended (Locust appends {@code
 *       .py});
 *   <li>a Java class name ({@code com.example.ShopUser}) looked up on the classpath later.
 * </ol>
 *
 * A {@code .java} file or a directory named without any path component is searched in the working
 * directory and then its parents, as Locust searches for {@code locustfile.py} and for a {@code
 * locustfile} package. The default {@code locustfile} therefore finds {@code locustfile.java} or a
 * {@code locustfile/} directory of sources.
 */
public final class LocustfileOption {
  /** The default value of {@code -f}, Locust's default too. */
  public static final String DEFAULT = "locustfile";

  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
              + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

  private LocustfileOption() {}

  /**
   * Resolves {@code value} relative to {@code workingDirectory}.
   *
   * @param value the option as given, {@code null} or blank meaning {@link #DEFAULT}
   * @throws ScenarioLoadException when a named file, jar or directory does not exist or a directory
   *     holds no source
   */
  public static List<ScenarioInput> resolve(String value, Path workingDirectory)
      throws ScenarioLoadException {
    String option = value == null || value.isBlank() ? DEFAULT : value;
    Map<Object, ScenarioInput> inputs = new LinkedHashMap<>();
    for (String element : option.split(",")) {
      String name = element.strip();
      if (!name.isEmpty()) {
        for (ScenarioInput input : resolveOne(name, workingDirectory)) {
          inputs.putIfAbsent(identity(input), input);
        }
      }
    }
    if (inputs.isEmpty()) {
      throw new ScenarioLoadException("-f/--locustfile is empty: '" + value + "'");
    }
    return List.copyOf(inputs.values());
  }

  private static List<ScenarioInput> resolveOne(String name, Path cwd)
      throws ScenarioLoadException {
    Path path = cwd.resolve(expandHome(name));
    boolean bare = !name.contains("/") && !name.contains(java.io.File.separator);
    if (name.endsWith(".java")) {
      Path found = Files.isRegularFile(path) ? path : bare ? searchUpwards(cwd, name, false) : null;
      if (found == null) {
        throw new ScenarioLoadException(
            "Could not find '" + name + "'. See --help for available options.");
      }
      return List.of(new ScenarioInput.JavaFile(found, displayName(name, found, cwd)));
    }
    if (name.endsWith(".py")) {
      throw new ScenarioLoadException(
          "'"
              + name
              + "' is a Python locustfile: Hatchery runs Java scenarios (.java files, directories,"
              + " jars or class names). A Hatchery master started with -f "
              + name
              + " serves Python workers (locust --worker) instead.");
    }
    if (name.endsWith(".jar")) {
      if (!Files.isRegularFile(path)) {
        throw new ScenarioLoadException("Could not find jar '" + name + "'.");
      }
      return List.of(new ScenarioInput.Jar(path));
    }
    if (Files.isDirectory(path)) {
      return sourcesUnder(path, stripTrailingSlash(name));
    }
    Path source = cwd.resolve(expandHome(name + ".java"));
    Path found =
        Files.isRegularFile(source)
            ? source
            : bare ? searchUpwards(cwd, name + ".java", false) : null;
    if (found != null) {
      return List.of(new ScenarioInput.JavaFile(found, displayName(name + ".java", found, cwd)));
    }
    Path directory = bare ? searchUpwards(cwd, name, true) : null;
    if (directory != null) {
      return sourcesUnder(directory, cwd.toAbsolutePath().relativize(directory).toString());
    }
    if (name.equals(DEFAULT)) {
      throw new ScenarioLoadException(
          "Could not find 'locustfile.java' (nor a 'locustfile' directory) in "
              + cwd
              + " or its parents. Use -f to name a .java file, a directory, a jar or a class name.");
    }
    if (CLASS_NAME.matcher(name).matches()) {
      return List.of(new ScenarioInput.ClassName(name));
    }
    throw new ScenarioLoadException(
        "Could not find '"
            + name
            + "'. Ensure it is a .java file, a directory, a .jar or a class name.");
  }

  private static List<ScenarioInput> sourcesUnder(Path directory, String displayDirectory)
      throws ScenarioLoadException {
    List<ScenarioInput> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = directory.relativize(file);
        if (isSource(relative)) {
          String display = displayDirectory + "/" + relative.toString().replace('\\', '/');
          sources.add(new ScenarioInput.JavaFile(file, display));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new ScenarioLoadException(
          "Could not read directory '" + displayDirectory + "': " + e, e);
    }
    if (sources.isEmpty()) {
      throw new ScenarioLoadException(
          "Could not find any .java files in directory '" + displayDirectory + "'.");
    }
    return sources;
  }

  private static boolean isSource(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    String fileName = relative.getFileName().toString();
    return fileName.endsWith(".java") && !fileName.equals("module-info.java");
  }

  private static Path searchUpwards(Path cwd, String name, boolean directory) {
    for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(name);
      if (directory ? Files.isDirectory(candidate) : Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Object identity(ScenarioInput input) {
    return switch (input) {
      case ScenarioInput.JavaFile file -> file.path().toAbsolutePath().normalize();
      case ScenarioInput.Jar jar -> jar.path().toAbsolutePath().normalize();
      case ScenarioInput.ClassName className -> className.name();
    };
  }

  private static String displayName(String asWritten, Path found, Path cwd) {
    Path written = cwd.resolve(expandHome(asWritten));
    return written.equals(found)
        ? asWritten
        : cwd.toAbsolutePath().relativize(found.toAbsolutePath()).toString();
  }

  private static String expandHome(String name) {
    return name.equals("~") || name.startsWith("~/")
        ? System.getProperty("user.home") + name.substring(1)
        : name;
  }

  private static String stripTrailingSlash(String name) {
    return name.length() > 1 && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}
