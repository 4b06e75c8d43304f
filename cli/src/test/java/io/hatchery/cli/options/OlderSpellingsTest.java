package io.hatchery.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class OlderSpellingsTest {
  @TempDir Path dir;

  private Settings resolve(Map<String, String> env, String... args) throws UsageException {
    return new ConfigSources(dir, dir, env).resolve(List.of(args));
  }

  @Test
  void locust010CommandLineRunsWithOneNotePerOldSpelling() throws Exception {
    Settings s =
        resolve(Map.of(), "--no-web", "-c", "50", "--hatch-rate", "5", "--slave", "-n", "1000");
    assertThat(s.headless()).isTrue();
    assertThat(s.integer(LocustOption.USERS).getAsInt()).isEqualTo(50);
    assertThat(s.decimal(LocustOption.SPAWN_RATE).getAsDouble()).isEqualTo(5.0);
    assertThat(s.worker()).isTrue();
    assertThat(s.integer(LocustOption.NUM_REQUESTS).getAsInt()).isEqualTo(1000);
    assertThat(s.notes())
        .containsExactly(
            "[DEPRECATED] The --no-web parameter has been renamed --headless",
            "[DEPRECATED] The -c parameter has been renamed -u/--users",
            "[DEPRECATED] The --hatch-rate parameter has been renamed -r/--spawn-rate",
            "[DEPRECATED] The --slave parameter has been renamed --worker",
            "[DEPRECATED] -n/--num-request is from Locust 0.x and has no current option (use"
                + " --run-time); Hatchery stops the run after that many requests");
  }

  @Test
  void expectSlavesAndClientsAndCsvBaseName() throws Exception {
    Settings s = resolve(Map.of(), "--expect-slaves", "3", "--clients=7", "--csv-base-name", "out");
    assertThat(s.integer(LocustOption.EXPECT_WORKERS).getAsInt()).isEqualTo(3);
    assertThat(s.integer(LocustOption.USERS).getAsInt()).isEqualTo(7);
    assertThat(s.text(LocustOption.CSV)).contains("out");
    assertThat(s.notes()).hasSize(3);
  }

  @Test
  void noResetStatsIsIgnoredWithANote() throws Exception {
    Settings s = resolve(Map.of(), "--no-reset-stats");
    assertThat(s.flag(LocustOption.RESET_STATS)).isFalse();
    assertThat(s.notes()).singleElement().asString().contains("--no-reset-stats");
  }

  @Test
  void oldSpellingsWorkInConfigFilesAndTheEnvironment() throws Exception {
    Files.writeString(dir.resolve("locust.conf"), "no-web = true\nexpect-slaves = 2\n");
    Settings s = resolve(Map.of("LOCUST_HATCH_RATE", "4"));
    assertThat(s.headless()).isTrue();
    assertThat(s.integer(LocustOption.EXPECT_WORKERS).getAsInt()).isEqualTo(2);
    assertThat(s.decimal(LocustOption.SPAWN_RATE).getAsDouble()).isEqualTo(4.0);
    assertThat(s.notes()).hasSize(3);
  }

  @Test
  void currentSpellingOnTheCommandLineBeatsAnOldOneInTheEnvironment() throws Exception {
    Settings s = resolve(Map.of("LOCUST_HATCH_RATE", "4"), "-r", "9");
    assertThat(s.decimal(LocustOption.SPAWN_RATE).getAsDouble()).isEqualTo(9.0);
  }
}
