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
 * <p>The web UI is built on another branch; until it is on main, modes that need it say so (exit 1)
 * instead of pretending.
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
      if (ListModes.wanted(settings)) {
        return ListModes.run(settings, invocation);
      }
      if (settings.master()) {
        return new MasterMode(invocation, masterPortListener).run(settings);
      }
      if (settings.worker()) {
        return new WorkerMode(invocation).run(settings);
      }
      return new StandaloneMode(invocation).run(settings);
    } catch (UsageException e) {
      invocation.err().println(e.getMessage());
      return e.exitCode();
    } catch (Exception e) {
      LOG.error("Could not start: {}", e.toString(), e);
      return 1;
    }
  }
}
