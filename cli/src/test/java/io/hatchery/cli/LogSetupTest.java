package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Timeout(10)
class LogSetupTest {

  @AfterEach
  void restoreConsoleLogging() {
    LogSetup.apply("INFO", Optional.empty());
  }

  @Test
  void logfileGetsLocustsLineFormatAtTheChosenLevel(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hatchery.log");
    LogSetup.apply("warning", Optional.of(file));
    LoggerFactory.getLogger("hatchery.test").info("not shown");
    LoggerFactory.getLogger("hatchery.test").warn("Worker w1 missing");
    LoggerFactory.getLogger("hatchery.test").error("Gave up");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    String prefix =
        "^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}\\] "
            + java.util.regex.Pattern.quote(LogSetup.hostname());
    assertThat(lines.get(0)).matches(prefix + "/WARNING/hatchery\\.test: Worker w1 missing$");
    assertThat(lines.get(1)).matches(prefix + "/ERROR/hatchery\\.test: Gave up$");
  }

  @Test
  void statsLoggerIsPlainAndNotInTheLogfile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hatchery.log");
    LogSetup.apply("ERROR", Optional.of(file));
    LoggerFactory.getLogger(LogSetup.STATS_LOGGER).info("Type     Name");
    assertThat(Files.readString(file)).isEmpty();
  }
}
