package io.hatchery.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.cli.options.ConfigSources;
import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.OlderSpellings;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.SettingsValidation;
import io.hatchery.cli.options.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a shipped command line (arguments plus environment) against the real CLI: every flag and
 * {@code LOCUST_*} variable must be one it defines, and the whole must resolve and validate as
 * {@code hatchery} would at start-up (with empty home and working directories, so no config file
 * interferes).
 */
final class CliVocabulary {
  private static final Set<String> FLAGS =
      Stream.concat(
              Stream.of(LocustOption.values()).flatMap(o -> o.names().stream()),
              OlderSpellings.ALL.stream().map(s -> s.name()))
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> VARIABLES =
      Stream.concat(
              Stream.of(LocustOption.values()).flatMap(o -> o.envVar().stream()),
              Stream.of(OlderSpellings.HATCH_RATE_ENV))
          .collect(Collectors.toUnmodifiableSet());

  private CliVocabulary() {}

  /**
   * @param env the container's variables; a variable set from a Secret has a placeholder value
   */
  static Settings checkCommandLine(String where, List<String> args, Map<String, String> env) {
    for (String arg : args) {
      if (arg.startsWith("-") && !arg.matches("-\\d.*")) {
        assertThat(FLAGS).as(where + ": flag " + arg).contains(arg.split("=", 2)[0]);
      }
    }
    for (String name : env.keySet()) {
      if (name.startsWith("LOCUST_")) {
        assertThat(VARIABLES).as(where + ": variable " + name).contains(name);
      }
    }
    try {
      Path empty = Files.createTempDirectory("cli-vocabulary");
      Settings settings = new ConfigSources(empty, empty, env).resolve(args);
      SettingsValidation.check(settings);
      return settings;
    } catch (UsageException e) {
      throw new AssertionError(
          where + ": the CLI refuses " + args + " " + env + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
