package io.hatchery.cli;

import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import io.hatchery.worker.engine.ScenarioEngine;
import io.hatchery.worker.runtime.WorkerRuntime;
import io.hatchery.worker.runtime.WorkerSettings;
import java.time.Duration;

/**
 * {@code hatchery --worker --master-host H --master-port P -f Scenario.java}: loads the scenario
 * and runs the worker runtime until the master says quit. Exit codes are the runtime's: 0 after a
 * quit, 255 when no master answered (Locust's {@code sys.exit(-1)}).
 */
final class WorkerMode {
  private final Invocation invocation;

  WorkerMode(Invocation invocation) {
    this.invocation = invocation;
  }

  int run(Settings settings) throws UsageException, Exception {
    Scenario scenario = Scenario.load(settings, invocation.workingDir());
    ScenarioEngine engine = scenario.engine(settings, MasterMode.parsedOptions(settings));
    WorkerSettings worker =
        WorkerSettings.defaults(
            settings.text(LocustOption.MASTER_HOST).orElse("127.0.0.1"),
            settings.integer(LocustOption.MASTER_PORT).orElse(5557));
    if (settings.integer(LocustOption.STOP_TIMEOUT).isPresent()) {
      worker =
          worker.withStopTimeout(
              Duration.ofSeconds(settings.integer(LocustOption.STOP_TIMEOUT).getAsInt()));
    }
    return WorkerRuntime.run(worker, engine);
  }
}
