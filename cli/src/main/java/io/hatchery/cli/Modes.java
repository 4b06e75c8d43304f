package io.hatchery.cli;

import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the mode the settings ask for: master ({@code --master}), worker ({@code --worker}),
 * standalone (neither: master and worker in one JVM), or the listing modes ({@code -l}, {@code
 * --show-task-ratio[-json]}).
 *
 * <p>Only the headless master is wired so far; the worker runtime, scenario loader and web UI are
 * built on other branches, and until they are on main the other modes say so (exit 1) instead of
 * pretending.
 */
class Modes {
  private static final Logger LOG = LoggerFactory.getLogger(Modes.class);

  private final Invocation invocation;
  private final IntConsumer masterPortListener;

  Modes(Invocation invocation) {
    this(invocation, port -> {});
  }

  /** With a listener told the master's real port (tests bind port 0 and read it back). */
  Modes(Invocation invocation, IntConsumer masterPortListener) {
    this.invocation = invocation;
    this.masterPortListener = masterPortListener;
  }

  int run(Settings settings) {
    try {
      if (settings.master()) {
        return new MasterMode(invocation, masterPortListener).run(settings);
      }
    } catch (UsageException e) {
      invocation.err().println(e.getMessage());
      return e.exitCode();
    } catch (Exception e) {
      LOG.error("Could not start: {}", e.toString(), e);
      return 1;
    }
    String mode = settings.worker() ? "--worker" : "standalone";
    invocation
        .err()
        .println(
            "hatchery: "
                + mode
                + " mode is not available in this build yet (the worker runtime is not merged);"
                + " see docs/readme/cli.md");
    return 1;
  }
}
