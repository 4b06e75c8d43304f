package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

/** Compiles a scenario shipped inside a manifest against the scenario API on the test classpath. */
final class ScenarioCompilation {
  private ScenarioCompilation() {}

  static void assertCompiles(String source) {
    assertThat(source).as("scenario source").isNotBlank();
    try {
      Path dir = Files.createTempDirectory("scenario");
      String className =
          source
              .lines()
              .filter(l -> l.contains("public class "))
              .map(l -> l.substring(l.indexOf("public class ") + 13).split("[ {]")[0])
              .findFirst()
              .orElseThrow(() -> new AssertionError("no public class in\n" + source));
      Path file = dir.resolve(className + ".java");
      Files.writeString(file, source);
      StringWriter diagnostics = new StringWriter();
      boolean ok =
          ToolProvider.getSystemJavaCompiler()
              .getTask(
                  diagnostics,
                  null,
                  null,
                  List.of("-d", dir.toString(), "-cp", System.getProperty("java.class.path")),
                  null,
                  ToolProvider.getSystemJavaCompiler()
                      .getStandardFileManager(null, null, null)
                      .getJavaFileObjects(file))
              .call();
      assertThat(ok).as("compiles:\n" + diagnostics).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
