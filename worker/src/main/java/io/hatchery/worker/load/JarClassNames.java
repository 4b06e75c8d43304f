package io.hatchery.worker.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the binary names of the classes in a jar, in entry order. Stateless. */
final class JarClassNames {
  private JarClassNames() {}

  /**
   * Every {@code .class} entry except {@code module-info}, {@code package-info} and anything under
   * {@code META-INF/} (multi-release variants are served by the class loader, not listed twice).
   */
  static List<String> of(Path jar) throws ScenarioLoadException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (!entry.isDirectory()
            && name.endsWith(".class")
            && !name.startsWith("META-INF/")
            && !name.endsWith("module-info.class")
            && !name.endsWith("package-info.class")) {
          names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
      }
    } catch (IOException | SecurityException e) {
      throw new ScenarioLoadException("Could not read jar '" + jar + "': " + e.getMessage(), e);
    }
    return names;
  }
}
