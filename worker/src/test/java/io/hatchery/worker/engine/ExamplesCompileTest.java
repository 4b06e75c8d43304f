package io.hatchery.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.Environment;
import io.hatchery.User;
import io.hatchery.stats.EntryReport;
import io.hatchery.stats.StatsRecorder;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every file in the repository's examples/ compiles against the scenario API. */
@Timeout(60)
class ExamplesCompileTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path classes;

  private static List<Path> exampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private void compile(List<Path> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString(),
              "-proc:none",
              "--release",
              "21");
      boolean ok =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      List<String> errors = new ArrayList<>();
      diagnostics
          .getDiagnostics()
          .forEach(
              d ->
                  errors.add(
                      d.getKind()
                          + " "
                          + d.getSource()
                          + ":"
                          + d.getLineNumber()
                          + " "
                          + d.getMessage(Locale.ROOT)));
      assertThat(ok).as(String.join("\n", errors)).isTrue();
    }
  }

  @Test
  void everyExampleCompiles() throws IOException {
    List<Path> sources = exampleFiles();
    assertThat(sources)
        .extracting(p -> p.getFileName().toString())
        .contains("QuickstartUser.java", "ForumUser.java", "JsonRpcUser.java");
    compile(sources);
  }

  @Test
  void theJsonRpcExampleReportsItsCallsThroughTheRequestEvent() throws Exception {
    compile(List.of(EXAMPLES.resolve("JsonRpcUser.java")));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<? extends User> type = loader.loadClass("JsonRpcUser").asSubclass(User.class);
      InstantSource clock = InstantSource.system();
      StatsRecorder stats = new StatsRecorder(clock);
      ScenarioEngine engine =
          new ScenarioEngine(
              Environment.builder().build(), UserClasses.of(List.of(type)), stats, clock, 3);
      engine.bind(new RecordingRunner(), error -> {});
      engine.users().applyTargets(Map.of("JsonRpcUser", 5), Duration.ZERO);

      List<EntryReport> seen = new ArrayList<>();
      Engines.await(
          "an answered call and a failed one",
          () -> {
            seen.addAll(stats.snapshot().stats());
            return seen.stream().anyMatch(e -> e.numRequests() > e.numFailures())
                && seen.stream().anyMatch(e -> e.numFailures() > 0);
          });
      engine.users().stopAll(Duration.ZERO);
      assertThat(seen).allMatch(e -> e.method().equals("jsonrpc"));
      assertThat(seen)
          .filteredOn(e -> e.numFailures() > 0)
          .allMatch(e -> e.name().equals("no_such_method"));
    }
  }
}
