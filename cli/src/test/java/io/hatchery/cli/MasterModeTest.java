package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hatchery.cli.options.ConfigSources;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import io.hatchery.master.dispatch.UserClassSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class MasterModeTest {
  @TempDir Path dir;

  private MasterMode masterMode() {
    Invocation invocation = new Invocation(Map.of(), dir, dir, System.out, System.err);
    return new MasterMode(invocation, port -> {});
  }

  private Settings settings(String... args) throws Exception {
    return new ConfigSources(dir, dir, Map.of()).resolve(List.of(args));
  }

  @Test
  void masterReadsUserClassesFromAPythonLocustfile() throws Exception {
    Files.writeString(
        dir.resolve("locustfile.py"),
        """
        from locust import HttpUser, task

        class Browser(HttpUser):
            weight = 3

        class Admin(HttpUser):
            fixed_count = 1
        """);
    assertThat(masterMode().userClasses(settings("--master")))
        .containsExactly(UserClassSpec.weighted("Browser", 3), UserClassSpec.fixed("Admin", 1));
    assertThat(masterMode().userClasses(settings("--master", "Admin")))
        .containsExactly(UserClassSpec.fixed("Admin", 1));
    assertThat(
            catchThrowableOfType(
                UsageException.class,
                () -> masterMode().userClasses(settings("--master", "Nobody"))))
        .hasMessage("Unknown User(s): Nobody");
  }

  @Test
  void equalWeightsGiveEveryPythonClassWeightOneAndKeepFixedCounts() throws Exception {
    Files.writeString(
        dir.resolve("locustfile.py"),
        """
        from locust import HttpUser

        class Browser(HttpUser):
            weight = 3

        class Reader(HttpUser):
            weight = 5

        class Admin(HttpUser):
            fixed_count = 2
        """);

    assertThat(masterMode().userClasses(settings("--master", "--equal-weights")))
        .containsExactly(
            UserClassSpec.weighted("Browser", 1),
            UserClassSpec.weighted("Reader", 1),
            UserClassSpec.fixed("Admin", 2));
  }

  @Test
  void unreadableLocustfileFallsBackToThePositionalNames() throws Exception {
    assertThat(masterMode().userClasses(settings("--master", "-f", "missing.py", "A")))
        .containsExactly(UserClassSpec.weighted("A", 1));
  }

  @Test
  void parsedOptionsUseLocustsAttributeNames() throws Exception {
    Settings settings =
        new ConfigSources(dir, dir, Map.of())
            .resolve(List.of("-u", "7", "-r", "2", "--csv", "x", "-T", "a", "--headless"));
    Map<String, Object> options = MasterMode.parsedOptions(settings);
    assertThat(options)
        .containsEntry("num_users", 7)
        .containsEntry("spawn_rate", 2.0)
        .containsEntry("csv_prefix", "x")
        .containsEntry("tags", List.of("a"))
        .containsEntry("headless", true)
        .containsEntry("stats_history_enabled", false)
        .containsEntry("master_port", 5557)
        .containsEntry("web_port", 8089)
        .containsEntry("exit_code_on_error", 1)
        .containsEntry("host", null)
        .doesNotContainKey("help")
        .doesNotContainKey("step_load");
  }
}
