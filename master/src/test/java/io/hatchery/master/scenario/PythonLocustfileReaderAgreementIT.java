package io.hatchery.master.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.testkit.LocustProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The static reader finds the same user classes, in the same order, as real Python Locust 2.12.1
 * importing the same file and printing {@code -l}.
 */
@Timeout(120)
class PythonLocustfileReaderAgreementIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"quickstart.py", "several_users.py"})
  void readerListsTheUsersLocustLists(String fixture) throws Exception {
    Path file =
        Files.copy(Path.of("src/test/resources/locustfiles", fixture), dir.resolve(fixture));

    List<String> locustListed;
    try (LocustProcess locust = LocustProcess.start(dir, "-f", fixture, "-l")) {
      assertThat(locust.awaitExit(Duration.ofSeconds(90))).as(locust.log()).isZero();
      locustListed = listedUsers(locust.log());
    }

    List<String> read =
        PythonLocustfileReader.read(List.of(file)).userClasses().stream()
            .map(UserClassSpec::name)
            .toList();
    assertThat(read).isNotEmpty().isEqualTo(locustListed);
  }

  /** The indented names after Locust's {@code Available Users:} heading. */
  private static List<String> listedUsers(String output) {
    List<String> lines = Arrays.asList(output.split("\n"));
    int heading = lines.indexOf("Available Users:");
    assertThat(heading).as(output).isNotNegative();
    return lines.subList(heading + 1, lines.size()).stream()
        .filter(line -> line.startsWith("    "))
        .map(String::strip)
        .toList();
  }
}
