package io.hatchery.cli;

import io.hatchery.Environment;
import io.hatchery.User;
import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.worker.engine.ScenarioEngine;
import io.hatchery.worker.engine.UserClasses;
import io.hatchery.worker.load.LoadedScenario;
import io.hatchery.worker.load.ScenarioLoadException;
import io.hatchery.worker.load.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario of a run: the {@code -f} input loaded and compiled, the user classes picked by the
 * positional names and filtered by {@code -T}/{@code -E}, as Locust's {@code main} does before it
 * creates a runner. Immutable once loaded.
 *
 * @param classNames every user class found, in declaration order ({@code -l})
 * @param classes the classes to run
 */
record Scenario(List<String> classNames, UserClasses classes) {
  private static final Logger LOG = LoggerFactory.getLogger(Scenario.class);

  /**
   * Loads {@code -f} relative to {@code workingDir}.
   *
   * @throws UsageException (exit 1) when it cannot be loaded, has no user class or a named class is
   *     unknown
   */
  static Scenario load(Settings settings, Path workingDir) throws UsageException {
    String locustfile = settings.text(LocustOption.LOCUSTFILE).orElse("locustfile");
    try {
      LoadedScenario loaded = ScenarioLoader.forUsers().load(locustfile, workingDir);
      loaded.warnings().forEach(LOG::warn);
      List<Class<? extends User>> users =
          LoadedScenario.asSubclasses(loaded.select(settings.userClasses()), User.class);
      UserClasses classes =
          UserClasses.of(users)
              .filterByTags(
                  Set.copyOf(settings.list(LocustOption.TAGS_OPTION)),
                  Set.copyOf(settings.list(LocustOption.EXCLUDE_TAGS)));
      if (settings.flag(LocustOption.EQUAL_WEIGHTS)) {
        classes = classes.withEqualWeights();
      }
      return new Scenario(loaded.userClassNames(), classes);
    } catch (ScenarioLoadException | IllegalArgumentException e) {
      throw UsageException.config(e.getMessage());
    }
  }

  /** The classes as the master's dispatcher sees them. */
  List<UserClassSpec> specs() {
    return classes.describe().stream()
        .map(d -> new UserClassSpec(d.name(), d.weight(), d.fixedCount()))
        .toList();
  }

  /** A fresh engine for one worker with the run's host, options and stop timeout. */
  ScenarioEngine engine(Settings settings, Map<String, Object> parsedOptions) {
    Map<String, Object> set = new java.util.LinkedHashMap<>();
    parsedOptions.forEach(
        (key, value) -> {
          if (value != null) {
            set.put(key, value);
          }
        });
    // Options without a value (Python's None) are left out: the environment's map holds no nulls.
    Environment.Builder environment = Environment.builder().parsedOptions(set);
    settings.host().ifPresent(environment::host);
    settings
        .integer(LocustOption.STOP_TIMEOUT)
        .ifPresent(s -> environment.stopTimeout(Duration.ofSeconds(s)));
    ScenarioEngine engine = ScenarioEngine.create(environment.build(), classes);
    engine.fireInit();
    return engine;
  }
}
