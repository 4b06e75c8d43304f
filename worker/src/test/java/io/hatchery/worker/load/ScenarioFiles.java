package io.hatchery.worker.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes scenario sources and jars into a test's temporary directory. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /** Writes {@code text} to {@code directory/relative}, creating parent directories. */
  static Path write(Path directory, String relative, String text) throws IOException {
    Path file = directory.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /** Compiles {@code sources} (name to text) in memory and packs the class files into a jar. */
  static Path jar(Path jar, Map<String, String> sources) throws Exception {
    List<JavaSourceFile> files =
        sources.entrySet().stream()
            .map(e -> new JavaSourceFile(jar.resolveSibling(e.getKey()), e.getKey(), e.getValue()))
            .toList();
    JavaSourceCompiler.Result compiled =
        JavaSourceCompiler.compile(
            files, CompileClasspath.of(List.of(SampleUser.class), List.of()));
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : compiled.classFiles().entrySet()) {
        jarOut.putNextEntry(new JarEntry(entry.getKey().replace('.', '/') + ".class"));
        jarOut.write(entry.getValue());
        jarOut.closeEntry();
      }
    }
    return jar;
  }

  /** A loader for subclasses of {@link SampleUser}. */
  static ScenarioLoader loader() {
    return ScenarioLoader.forUserBase(SampleUser.class);
  }

  /** Instantiates {@code userClass} and runs its task. */
  static String run(Class<?> userClass) throws ReflectiveOperationException {
    var constructor = userClass.getDeclaredConstructor();
    constructor.setAccessible(true);
    return ((SampleUser) constructor.newInstance()).run();
  }
}
