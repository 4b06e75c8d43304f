package io.hatchery.worker.load;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classpath in-memory compilation runs against: {@code java.class.path}, plus the jar or
 * directory each anchor class was loaded from (the scenario API may come from a shaded jar, a Maven
 * {@code target/classes} directory or a manifest-only test jar), plus the jars named by {@code -f}.
 * Stateless.
 */
final class CompileClasspath {
  private CompileClasspath() {}

  /** Existing entries, without duplicates, in the order described above. */
  static List<Path> of(List<Class<?>> anchors, List<Path> jars) {
    Set<Path> entries = new LinkedHashSet<>();
    String classPath = System.getProperty("java.class.path", "");
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    for (Class<?> anchor : anchors) {
      Path location = locationOf(anchor);
      if (location != null) {
        entries.add(location);
      }
    }
    for (Path jar : jars) {
      entries.add(jar.toAbsolutePath().normalize());
    }
    return entries.stream().filter(Files::exists).toList();
  }

  private static Path locationOf(Class<?> anchor) {
    CodeSource source =
        anchor.getProtectionDomain() == null ? null : anchor.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }
}
