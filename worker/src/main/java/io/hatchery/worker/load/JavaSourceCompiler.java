package io.hatchery.worker.load;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with the running JDK's {@link JavaCompiler}: sources come from
 * memory, class files go to memory, the classpath is read from disk. Stateless; each call is an
 * independent compilation and calls may run concurrently.
 */
final class JavaSourceCompiler {
  private JavaSourceCompiler() {}

  /**
   * What a successful compilation produced.
   *
   * @param classFiles binary class name to bytecode, named classes in declaration order first, then
   *     local, anonymous and synthetic ones
   * @param declaredClasses the binary names of the named classes, in declaration order
   * @param warnings every warning and note, formatted as javac prints it
   */
  record Result(
      Map<String, byte[]> classFiles, List<String> declaredClasses, List<String> warnings) {}

  /**
   * Compiles {@code sources} together against {@code classpath} with {@code --release} set to the
   * running JDK's feature version (21 or newer), debug information on and annotation processing
   * off.
   *
   * @throws CompilationFailedException with the javac-like report when any error is reported
   * @throws ScenarioLoadException when this Java runtime has no compiler
   */
  static Result compile(List<JavaSourceFile> sources, List<Path> classpath)
      throws ScenarioLoadException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new ScenarioLoadException(
          "Cannot compile .java files: this Java runtime ("
              + System.getProperty("java.home")
              + ") has no compiler. Run Hatchery on a JDK, or give -f a jar or class names.");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard =
            compiler.getStandardFileManager(diagnostics, null, null);
        InMemoryFileManager files = new InMemoryFileManager(standard)) {
      standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      // No source path: javac would otherwise compile any .java it finds on the classpath too.
      standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      List<String> options =
          List.of("--release", Integer.toString(Runtime.version().feature()), "-g", "-proc:none");
      JavacTask task =
          (JavacTask) compiler.getTask(null, files, diagnostics, options, null, sources);
      // Read the order before generate(): lowering lifts nested classes out of their outer trees.
      List<String> declared = DeclarationOrder.of(task.parse());
      task.generate();
      List<Diagnostic<? extends JavaFileObject>> reported = diagnostics.getDiagnostics();
      if (reported.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
        throw new CompilationFailedException(
            DiagnosticReport.report(reported), DiagnosticReport.format(reported));
      }
      return new Result(
          inOrder(files.classFiles(), declared), declared, DiagnosticReport.format(reported));
    } catch (IOException | RuntimeException e) {
      throw new ScenarioLoadException(
          "Compiling " + sources.size() + " source file(s) failed: " + e, e);
    }
  }

  private static Map<String, byte[]> inOrder(
      Map<String, byte[]> classFiles, List<String> declared) {
    List<String> names = new ArrayList<>(classFiles.keySet());
    names.sort(Comparator.comparingInt(name -> rank(declared, name)));
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    for (String name : names) {
      ordered.put(name, classFiles.get(name));
    }
    return ordered;
  }

  private static int rank(List<String> declared, String name) {
    int index = declared.indexOf(name);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
