package io.hatchery.cli;

import io.hatchery.Environment;
import io.hatchery.User;
import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.worker.engine.ScenarioEngine;
import io.hatchery.worker.engine.UserClasses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    List<Class<? extends User>> all = loadClasses(locustfile);
    List<String> names = all.stream().map(Class::getSimpleName).toList();
    List<Class<? extends User>> chosen = new ArrayList<>();
    for (String wanted : settings.userClasses()) {
      chosen.add(
          all.stream()
              .filter(c -> c.getSimpleName().equals(wanted))
              .findFirst()
              .orElseThrow(() -> UsageException.config("Unknown User(s): " + wanted)));
    }
    try {
      UserClasses classes =
          UserClasses.of(chosen.isEmpty() ? all : chosen)
              .filterByTags(
                  Set.copyOf(settings.list(LocustOption.TAGS_OPTION)),
                  Set.copyOf(settings.list(LocustOption.EXCLUDE_TAGS)));
      return new Scenario(names, classes);
    } catch (IllegalArgumentException e) {
      throw UsageException.config(e.getMessage());
    }
  }

  /**
   * Loads {@code -f} as comma-separated class names on the classpath. (The scenario loader of the
   * {@code loader} branch, which compiles {@code .java} files and reads jars, replaces this method
   * when it is on main.)
   */
  private static List<Class<? extends User>> loadClasses(String locustfile) throws UsageException {
    List<Class<? extends User>> classes = new ArrayList<>();
    for (String name : locustfile.split(",")) {
      String className = name.strip();
      try {
        Class<?> type =
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        if (!User.class.isAssignableFrom(type)) {
          throw UsageException.config(className + " is not a User class");
        }
        classes.add(type.asSubclass(User.class));
      } catch (ClassNotFoundException e) {
        throw UsageException.config(
            "Could not find user class '"
                + className
                + "' on the classpath. (.java files and jars need the scenario loader, which is"
                + " not in this build yet.)");
      }
    }
    LOG.debug("Loaded user classes {}", classes);
    return classes;
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
