package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.cli.options.ConfigSources;
import io.hatchery.cli.options.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class MasterModeTest {
  @TempDir Path dir;

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
