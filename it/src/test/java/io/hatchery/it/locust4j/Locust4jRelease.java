package io.hatchery.it.locust4j;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * One Locust4j release from Maven Central as the build copied it: its jar and its published runtime
 * dependencies in {@code it/target/locust4j/<version>/} (maven-dependency-plugin, see it/pom.xml).
 *
 * <p>A missing directory or jar is a test failure with instructions, never a skip. Immutable.
 *
 * @param version the Locust4j version, e.g. {@code 1.0.14}
 * @param jarDirectory the directory holding its jars
 */
record Locust4jRelease(String version, Path jarDirectory) {
  private static final String JARS_PROPERTY = "hatchery.locust4j.jars";
  private static final String SOURCE_PROPERTY = "hatchery.locust4j.source";

  /** Locust4j 1.0.14, the last G1b release ({@code spawn} with {@code num_users}/rate). */
  static Locust4jRelease g1b() {
    return named(property("hatchery.locust4j.g1b.version"));
  }

  /** Locust4j 1.0.0, a G0 release (PUSH/PULL on P and P+1, {@code hatch}). */
  static Locust4jRelease g0() {
    return named(property("hatchery.locust4j.g0.version"));
  }

  private static Locust4jRelease named(String version) {
    Path directory = Path.of(property(JARS_PROPERTY), version);
    Path jar = directory.resolve("locust4j-" + version + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          jar
              + " is missing: the build copies Locust4j "
              + version
              + " from Maven Central; run `./mvnw -pl it -am verify` (not the test alone)");
    }
    return new Locust4jRelease(version, directory);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new AssertionError(name + " is not set: run this test through failsafe (it/pom.xml)");
    }
    return value;
  }

  /** The jars of this release, in a stable order. */
  List<Path> jars() throws IOException {
    try (Stream<Path> files = Files.list(jarDirectory)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
  }

  /**
   * Compiles the worker scenario in {@code src/test/locust4j} against this release into {@code
   * classesDirectory}.
   *
   * @throws AssertionError with the compiler's output if it does not compile
   */
  void compileWorker(Path classesDirectory) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new AssertionError("the tests need a JDK (javax.tools), not a JRE");
    }
    List<String> sources;
    try (Stream<Path> files = Files.walk(Path.of(property(SOURCE_PROPERTY)))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    String[] arguments =
        Stream.concat(
                Stream.of("-d", classesDirectory.toString(), "-cp", classPath(List.of())),
                sources.stream())
            .toArray(String[]::new);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    if (compiler.run(null, output, output, arguments) != 0) {
      throw new AssertionError(
          "worker scenario does not compile against " + this + "\n" + output.toString(UTF_8));
    }
  }

  /** The class path of this release's jars plus {@code extra} entries first. */
  String classPath(List<Path> extra) throws IOException {
    return Stream.concat(extra.stream(), jars().stream())
        .map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator));
  }
}
