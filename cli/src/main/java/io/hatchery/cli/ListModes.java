package io.hatchery.cli;

import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import io.hatchery.worker.engine.TaskRatios;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code -l}, {@code --show-task-ratio} and {@code --show-task-ratio-json}, printed as Locust
 * 2.12.1's {@code main} prints them, for {@code -u} users (1 when not set).
 */
final class ListModes {
  private ListModes() {}

  /** Whether {@code settings} ask for one of the listing modes. */
  static boolean wanted(Settings settings) {
    return settings.flag(LocustOption.LIST_COMMANDS)
        || settings.flag(LocustOption.SHOW_TASK_RATIO)
        || settings.flag(LocustOption.SHOW_TASK_RATIO_JSON);
  }

  static int run(Settings settings, Invocation invocation) throws UsageException {
    Scenario scenario = Scenario.load(settings, invocation.workingDir());
    PrintStream out = invocation.out();
    if (settings.flag(LocustOption.LIST_COMMANDS)) {
      out.println("Available Users:");
      scenario.classNames().forEach(name -> out.println("    " + name));
      return 0;
    }
    Map<String, Integer> spawned =
        TaskRatios.distribution(scenario.classes(), settings.usersOrDefault());
    if (settings.flag(LocustOption.SHOW_TASK_RATIO)) {
      out.println("\n Task ratio per User class");
      out.println("-".repeat(80));
      TaskRatios.table(TaskRatios.ratios(scenario.classes(), spawned, false)).forEach(out::println);
      out.println("\n Total task ratio");
      out.println("-".repeat(80));
      TaskRatios.table(TaskRatios.ratios(scenario.classes(), spawned, true)).forEach(out::println);
      return 0;
    }
    out.println(Json.write(TaskRatios.json(scenario.classes(), spawned)));
    return 0;
  }
}
