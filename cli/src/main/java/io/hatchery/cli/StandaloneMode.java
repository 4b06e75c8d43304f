package io.hatchery.cli;

import io.hatchery.cli.headless.HeadlessLoop;
import io.hatchery.cli.headless.HeadlessRun;
import io.hatchery.cli.options.Settings;
import io.hatchery.master.runner.Master;
import io.hatchery.master.web.ChartHistory;
import io.hatchery.master.web.HistorySampler;
import io.hatchery.protocol.transport.InprocRpc;
import io.hatchery.stats.report.ConsoleTables;
import io.hatchery.worker.runtime.WorkerRuntime;
import io.hatchery.worker.runtime.WorkerSettings;
import java.time.InstantSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neither {@code --master} nor {@code --worker}: a master and one worker in this JVM, talking over
 * ZeroMQ {@code inproc://} ({@link InprocRpc}), so one code path serves every mode; headless or
 * with the web UI.
 */
final class StandaloneMode {
  private static final Logger STATS = LoggerFactory.getLogger(LogSetup.STATS_LOGGER);

  private final Invocation invocation;

  StandaloneMode(Invocation invocation) {
    this.invocation = invocation;
  }

  int run(Settings settings) throws Exception {
    Scenario scenario = Scenario.load(settings, invocation.workingDir());
    Map<String, Object> options = MasterMode.parsedOptions(settings);
    try (InprocRpc rpc = InprocRpc.open();
        Master master =
            MasterMode.configure(Master.builder(), settings)
                .userClasses(scenario.specs())
                .rpc(rpc.server())
                .start()) {
      WorkerSettings workerSettings = WorkerSettings.defaults("inproc", 0);
      try (WorkerRuntime worker =
          WorkerRuntime.create(
                  rpc.connect(workerSettings.nodeIdOrGenerated()),
                  scenario.engine(settings, options),
                  workerSettings)
              .start()) {
        if (!settings.headless()) {
          return WebUiRun.run(master, settings, invocation);
        }
        HeadlessRun run =
            new HeadlessRun(
                master,
                settings,
                InstantSource.system(),
                STATS::info,
                invocation.out(),
                MasterMode.csvFiles(settings, invocation),
                ConsoleTables.DEFAULT_NAME_WIDTH,
                1);
        ChartHistory history = new ChartHistory(ChartHistory.DEFAULT_CAPACITY);
        try (HistorySampler sampler = MasterMode.reportHistory(master, history)) {
          run.awaitingQuit(() -> MasterMode.awaitTermination(master))
              .writingHtmlWith(
                  last -> WebUiRun.writeHtml(last, history.points(), settings, invocation));
          return HeadlessLoop.run(run, master);
        }
      }
    }
  }
}
