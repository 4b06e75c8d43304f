package io.hatchery.worker.load;

import java.util.Map;

/**
 * Defines classes from bytecode held in memory, asking its parent first (so the scenario API is
 * shared with the engine). Thread-safe: the bytecode map is immutable and class definition is
 * serialised by {@link ClassLoader}'s per-name locks.
 */
final class CompiledClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classFiles;

  CompiledClassLoader(Map<String, byte[]> classFiles, ClassLoader parent) {
    super("hatchery-scenario", parent);
    this.classFiles = Map.copyOf(classFiles);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classFiles.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
