package io.hatchery.worker.load;

import static io.hatchery.worker.load.ScenarioFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the loader in a separate JVM whose only classpath entry is one jar holding the loader and
 * the base class, as {@code java -jar cli/target/hatchery.jar} does.
 */
@Timeout(120)
class ScenarioLoaderInJarIT {
  @TempDir Path dir;

  @Test
  void sourcesCompileAgainstTheScenarioApiInsideTheRunningJar() throws Exception {
    Path jar = probeJar();
    write(
        dir,
        "work/locustfile.java",
        "public class JarRunUser extends io.hatchery.worker.load.SampleUser { public String run() { return \"ran\"; } }\n");

    Result result = run(jar, dir.resolve("work"));

    assertThat(result.stderr()).isEmpty();
    assertThat(result.stdout()).isEqualTo("Available Users:\n    JarRunUser\nran\n");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void compileErrorIsPrintedAndExitsWithOne() throws Exception {
    Path jar = probeJar();
    write(dir, "work/locustfile.java", "class Oops extends NoSuchBase {}\n");

    Result result = run(jar, dir.resolve("work"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .isEqualTo(
            """
            locustfile.java:1: error: cannot find symbol
            class Oops extends NoSuchBase {}
                               ^
              symbol: class NoSuchBase
            1 error
            """);
  }

  @Test
  void runtimeWithoutACompilerStillLoadsClassNamesAndExplainsWhySourcesFail() throws Exception {
    Path jar = probeJar();
    write(dir, "work/locustfile.java", "class Unused {}\n");

    Result byName =
        run(
            jar,
            dir.resolve("work"),
            "--limit-modules",
            "java.base",
            "io.hatchery.worker.load.fixture.ClasspathUser");
    Result bySource = run(jar, dir.resolve("work"), "--limit-modules", "java.base");

    assertThat(byName.stdout()).isEqualTo("Available Users:\n    ClasspathUser\nclasspath\n");
    assertThat(bySource.exitCode()).isEqualTo(1);
    assertThat(bySource.stderr())
        .startsWith("Cannot compile .java files: this Java runtime has no compiler (")
        .endsWith("). Run Hatchery on a JDK, or give -f a jar or class names.");
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  /** Runs the probe jar; {@code arguments} are JVM options ({@code --...}) then probe arguments. */
  private Result run(Path jar, Path workingDirectory, String... arguments) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    List<String> command = new ArrayList<>(List.of(java.toString()));
    List<String> probeArguments = new ArrayList<>();
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i].startsWith("--")) {
        command.add(arguments[i]);
        command.add(arguments[++i]);
      } else {
        probeArguments.add(arguments[i]);
      }
    }
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(probeArguments);
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("probe JVM finished").isTrue();
    } finally {
      process.destroyForcibly();
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** One jar with the main and test classes of this module, LoaderProbe as its main class. */
  private Path probeJar() throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LoaderProbe.class.getName());
    Path jar = dir.resolve("probe.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Class<?> anchor : List.of(ScenarioLoader.class, SampleUser.class)) {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(root)) {
          addTree(out, root);
        } else {
          addJar(out, root);
        }
      }
    }
    return jar;
  }

  /** Failsafe puts the module's packaged jar, not target/classes, on the classpath. */
  private static void addJar(JarOutputStream out, Path source) throws IOException {
    try (JarFile jar = new JarFile(source.toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = jar.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
  }

  private static void addTree(JarOutputStream out, Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (name.startsWith("META-INF/")) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
  }
}
