package io.hatchery.cli;

import io.hatchery.cli.options.Settings;

/**
 * Starts the mode the settings ask for: master ({@code --master}), worker ({@code --worker}),
 * standalone (neither: master and worker in one JVM), or the listing modes ({@code -l}, {@code
 * --show-task-ratio[-json]}).
 *
 * <p>The master runtime, worker runtime and scenario loader are built on other branches; until they
 * are on main, every mode reports that it is not available (exit 1) instead of pretending.
 */
final class Modes {
  private final Invocation invocation;

  Modes(Invocation invocation) {
    this.invocation = invocation;
  }

  int run(Settings settings) {
    String mode = settings.master() ? "--master" : settings.worker() ? "--worker" : "standalone";
    invocation
        .err()
        .println(
            "hatchery: "
                + mode
                + " mode is not available in this build yet (the master/worker runtimes are not"
                + " merged); see docs/readme/cli.md");
    return 1;
  }
}
