package io.hatchery.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class ConfigSourcesPrecedenceTest {
  @TempDir Path home;
  @TempDir Path cwd;
  private final Map<String, String> env = new HashMap<>();

  /**
   * Every subset of the five sources sets {@code -u} to the number of its source (home=1, cwd=2,
   * --config=3, env=4, cli=5); the highest present source must win.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 31})
  void highestSourceWinsForEveryCombination(int mask) throws Exception {
    List<String> args = new ArrayList<>();
    int expected = 0;
    if ((mask & 1) != 0) {
      Files.writeString(home.resolve(".locust.conf"), "users = 1\n");
      expected = 1;
    }
    if ((mask & 2) != 0) {
      Files.writeString(cwd.resolve("locust.conf"), "users = 2\n");
      expected = 2;
    }
    if ((mask & 4) != 0) {
      Files.writeString(cwd.resolve("extra.conf"), "users = 3\n");
      args.addAll(List.of("--config", "extra.conf"));
      expected = 3;
    }
    if ((mask & 8) != 0) {
      env.put("LOCUST_USERS", "4");
      expected = 4;
    }
    if ((mask & 16) != 0) {
      args.addAll(List.of("-u", "5"));
      expected = 5;
    }
    Settings settings = resolve(args);
    assertThat(settings.integer(LocustOption.USERS).getAsInt()).isEqualTo(expected);
  }

  @Test
  void eachSourceKeepsTheOptionsItAloneSets() throws Exception {
    Files.writeString(home.resolve(".locust.conf"), "host = http://home\nheadless = true\n");
    Files.writeString(cwd.resolve("locust.conf"), "spawn-rate = 2.5\ntags = [a, b]\n");
    env.put("LOCUST_RUN_TIME", "1h30m");
    Settings settings = resolve(List.of("--csv", "out", "UserA"));
    assertThat(settings.host()).contains("http://home");
    assertThat(settings.headless()).isTrue();
    assertThat(settings.decimal(LocustOption.SPAWN_RATE).getAsDouble()).isEqualTo(2.5);
    assertThat(settings.list(LocustOption.TAGS_OPTION)).containsExactly("a", "b");
    assertThat(settings.runTime()).contains(java.time.Duration.ofMinutes(90));
    assertThat(settings.text(LocustOption.CSV)).contains("out");
    assertThat(settings.userClasses()).containsExactly("UserA");
  }

  @Test
  void defaultsApplyWhenNothingIsSet() throws Exception {
    Settings settings = resolve(List.of());
    assertThat(settings.integer(LocustOption.WEB_PORT).getAsInt()).isEqualTo(8089);
    assertThat(settings.integer(LocustOption.MASTER_BIND_PORT).getAsInt()).isEqualTo(5557);
    assertThat(settings.text(LocustOption.MASTER_HOST)).contains("127.0.0.1");
    assertThat(settings.integer(LocustOption.EXIT_CODE_ON_ERROR).getAsInt()).isEqualTo(1);
    assertThat(settings.integer(LocustOption.AUTOQUIT).getAsInt()).isEqualTo(-1);
    assertThat(settings.text(LocustOption.LOCUSTFILE)).contains("locustfile");
    assertThat(settings.integer(LocustOption.USERS)).isEmpty();
    assertThat(settings.usersOrDefault()).isEqualTo(1);
    assertThat(settings.headless()).isFalse();
  }

  @Test
  void falseFlagInAHigherSourceDoesNotUnsetALowerOneButHeadfulDoes() throws Exception {
    Files.writeString(cwd.resolve("locust.conf"), "headless = true\n");
    env.put("LOCUST_HEADLESS", "false");
    assertThat(resolve(List.of()).headless()).isTrue();
    assertThat(resolve(List.of("--headful")).headless()).isFalse();
  }

  @Test
  void configFileSyntaxFollowsConfigArgParse() throws Exception {
    Files.writeString(
        cwd.resolve("locust.conf"),
        String.join(
            "\n",
            "# comment",
            "; another",
            "[locust]",
            "---",
            "--host http://a.example",
            "users: 7",
            "headless",
            "only-summary = yes",
            "csv = \"quoted\"",
            "exclude-tags = [\"x\", \"y\"]",
            ""));
    Settings settings = resolve(List.of());
    assertThat(settings.host()).contains("http://a.example");
    assertThat(settings.integer(LocustOption.USERS).getAsInt()).isEqualTo(7);
    assertThat(settings.headless()).isTrue();
    assertThat(settings.flag(LocustOption.ONLY_SUMMARY)).isTrue();
    assertThat(settings.text(LocustOption.CSV)).contains("quoted");
    assertThat(settings.list(LocustOption.EXCLUDE_TAGS)).containsExactly("x", "y");
  }

  @Test
  void helpSkipsConfigFiles() throws Exception {
    Files.writeString(cwd.resolve("locust.conf"), "no-such-key = 1\n");
    assertThat(resolve(List.of("--help")).flag(LocustOption.HELP)).isTrue();
  }

  @Test
  void environmentListTakesBracketsOrOneWord() throws Exception {
    env.put("LOCUST_TAGS", "[a, b]");
    env.put("LOCUST_EXCLUDE_TAGS", "slow");
    Settings settings = resolve(List.of());
    assertThat(settings.list(LocustOption.TAGS_OPTION)).containsExactly("a", "b");
    assertThat(settings.list(LocustOption.EXCLUDE_TAGS)).containsExactly("slow");
  }

  private Settings resolve(List<String> args) throws UsageException {
    return new ConfigSources(home, cwd, env).resolve(args);
  }
}
