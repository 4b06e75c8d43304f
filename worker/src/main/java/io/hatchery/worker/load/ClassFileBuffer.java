package io.hatchery.worker.load;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/** Where javac writes one class file in memory. Written by the compiler thread, then read once. */
final class ClassFileBuffer extends SimpleJavaFileObject {
  private final String className;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  ClassFileBuffer(String className) {
    super(URI.create("mem:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
    this.className = className;
  }

  String className() {
    return className;
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }

  @Override
  public OutputStream openOutputStream() {
    return bytes;
  }
}
