package io.hatchery.worker.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Sends every class file javac produces to memory; reads everything else (the classpath, the
 * platform) through the standard file manager. Nothing is written to disk. One per compilation.
 */
final class InMemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
  private final List<ClassFileBuffer> outputs = new ArrayList<>();

  InMemoryFileManager(StandardJavaFileManager standard) {
    super(standard);
  }

  @Override
  public JavaFileObject getJavaFileForOutput(
      Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
    ClassFileBuffer buffer = new ClassFileBuffer(className);
    outputs.add(buffer);
    return buffer;
  }

  /** Class name to bytecode of everything compiled, in the order javac wrote it. */
  Map<String, byte[]> classFiles() {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (ClassFileBuffer buffer : outputs) {
      classes.put(buffer.className(), buffer.bytes());
    }
    return classes;
  }
}
