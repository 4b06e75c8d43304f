package io.hatchery.worker.load;

import static io.hatchery.worker.load.ScenarioFiles.loader;
import static io.hatchery.worker.load.ScenarioFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CompileErrorReportTest {
  @TempDir Path dir;

  @Test
  void everyErrorIsReportedLikeJavacWithSourceLineCaretAndSummary() throws Exception {
    write(
        dir,
        "scenarios/Broken.java",
        """
        public class Broken extends io.hatchery.worker.load.SampleUser {
          Missing field;
          public String run() { int count = "text"; return null; }
        }
        """);

    CompilationFailedException failure =
        catchThrowableOfType(
            CompilationFailedException.class, () -> loader().load("scenarios/Broken.java", dir));

    assertThat(failure.getMessage())
        .isEqualTo(
            """
            scenarios/Broken.java:2: error: cannot find symbol
              Missing field;
              ^
              symbol:   class Missing
              location: class Broken
            scenarios/Broken.java:3: error: incompatible types: java.lang.String cannot be converted to int
              public String run() { int count = "text"; return null; }
                                                ^
            2 errors
            """);
    assertThat(failure.diagnostics()).hasSize(2);
  }

  @Test
  void errorsInSeveralFilesOfADirectoryNameEachFileAsUnderTheDirectory() throws Exception {
    write(dir, "suite/ok/Fine.java", "package ok; public class Fine {}\n");
    write(dir, "suite/bad/Typo.java", "package bad;\npublic class Typo {\n  int x = 1\n}\n");

    CompilationFailedException failure =
        catchThrowableOfType(CompilationFailedException.class, () -> loader().load("suite", dir));

    assertThat(failure.getMessage())
        .isEqualTo(
            """
            suite/bad/Typo.java:3: error: ';' expected
              int x = 1
                       ^
            1 error
            """);
  }

  @Test
  void warningsOfAFailedCompilationAreReportedAndCounted() throws Exception {
    write(
        dir,
        "Old.java",
        """
        class Old {
          @Deprecated(forRemoval = true) static void gone() {}
        }
        class Caller { void call() { Old.gone(); int x = "no"; } }
        """);

    CompilationFailedException failure =
        catchThrowableOfType(
            CompilationFailedException.class, () -> loader().load("Old.java", dir));

    assertThat(failure.getMessage())
        .isEqualTo(
            """
            Old.java:4: warning: gone() in Old has been deprecated and marked for removal
            class Caller { void call() { Old.gone(); int x = "no"; } }
                                            ^
            Old.java:4: error: incompatible types: java.lang.String cannot be converted to int
            class Caller { void call() { Old.gone(); int x = "no"; } }
                                                             ^
            1 error
            1 warning
            """);
  }
}
