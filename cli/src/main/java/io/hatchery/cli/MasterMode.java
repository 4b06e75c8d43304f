package io.hatchery.cli;

import io.hatchery.cli.headless.CsvFiles;
import io.hatchery.cli.headless.HeadlessLoop;
import io.hatchery.cli.headless.HeadlessRun;
import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.runner.Master;
import io.hatchery.master.runner.MasterBuilder;
import io.hatchery.master.scenario.LocustfileReading;
import io.hatchery.master.scenario.PythonLocustfileReader;
import io.hatchery.master.scenario.PythonLocustfiles;
import io.hatchery.master.web.ChartHistory;
import io.hatchery.master.web.HistorySampler;
import io.hatchery.stats.report.ConsoleTables;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hatchery --master --headless ...}: binds the master on {@code --master-bind-host}/{@code
 * --master-bind-port} (Locust 0.9's PUSH/PULL pair with {@code --legacy-push-pull}) and runs the
 * headless loop until the run ends. User classes are the positional names (weight 1 each) until the
 * scenario reader is wired; without any the master dispatches its default class.
 */
final class MasterMode {
  private static final Duration REPORT_SAMPLE_INTERVAL = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(MasterMode.class);
  private static final Logger STATS = LoggerFactory.getLogger(LogSetup.STATS_LOGGER);

  /** How long the final tables wait for the workers' last reports after quit. */
  private static final Duration QUIT_WAIT = Duration.ofSeconds(15);

  private final Invocation invocation;
  private final IntConsumer portListener;

  MasterMode(Invocation invocation, IntConsumer portListener) {
    this.invocation = invocation;
    this.portListener = portListener;
  }

  int run(Settings settings) throws Exception {
    String bindHost = settings.text(LocustOption.MASTER_BIND_HOST).orElse("*");
    int bindPort = settings.integer(LocustOption.MASTER_BIND_PORT).orElse(5557);
    List<UserClassSpec> classes = userClasses(settings);
    Master master =
        Bindings.bind(
            LocustOption.MASTER_BIND_PORT,
            bindHost,
            bindPort,
            () -> builder(settings, classes).start());
    LOG.info("Starting Hatchery {} (master on port {})", Versions.hatcheryVersion(), master.port());
    portListener.accept(master.port());
    if (!settings.headless()) {
      try {
        return WebUiRun.run(master, settings, invocation);
      } finally {
        master.close();
      }
    }
    try {
      Optional<CsvFiles> csv = csvFiles(settings, invocation);
      HeadlessRun run =
          new HeadlessRun(
              master,
              settings,
              InstantSource.system(),
              STATS::info,
              invocation.out(),
              csv,
              ConsoleTables.DEFAULT_NAME_WIDTH,
              settings.integer(LocustOption.EXPECT_WORKERS).orElse(1));
      ChartHistory history = new ChartHistory(ChartHistory.DEFAULT_CAPACITY);
      try (HistorySampler sampler = reportHistory(master, history)) {
        run.awaitingQuit(() -> awaitTermination(master))
            .writingHtmlWith(
                last -> WebUiRun.writeHtml(last, history.points(), settings, invocation));
        return HeadlessLoop.run(run, master);
      }
    } finally {
      master.close();
    }
  }

  /**
   * Samples the run for the charts of the {@code --html} report of a headless run (a web UI run
   * keeps its own history), every {@link #REPORT_SAMPLE_INTERVAL} like Locust's charts.
   */
  static HistorySampler reportHistory(Master master, ChartHistory history) {
    return HistorySampler.record(master, history, REPORT_SAMPLE_INTERVAL);
  }

  static void awaitTermination(Master master) {
    try {
      if (!master.awaitTermination(QUIT_WAIT)) {
        LOG.warn("The master did not finish quitting within {} s", QUIT_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sets what every master gets from the settings: options, host, stop timeout. */
  static MasterBuilder configure(MasterBuilder builder, Settings settings) {
    builder
        .parsedOptions(parsedOptions(settings))
        .host(settings.host().orElse(null))
        .rebalance(!settings.flag(LocustOption.DISABLE_REBALANCING));
    settings
        .integer(LocustOption.STOP_TIMEOUT)
        .ifPresent(s -> builder.stopTimeout(Duration.ofSeconds(s)));
    return builder;
  }

  private MasterBuilder builder(Settings settings, List<UserClassSpec> classes) {
    String bindHost = settings.text(LocustOption.MASTER_BIND_HOST).orElse("*");
    int bindPort = settings.integer(LocustOption.MASTER_BIND_PORT).orElse(5557);
    MasterBuilder builder = configure(Master.builder(), settings).userClasses(classes);
    return settings.flag(LocustOption.LEGACY_PUSH_PULL)
        ? builder.bindLegacy(bindHost, bindPort)
        : builder.bind(bindHost, bindPort);
  }

  /**
   * The classes to dispatch, read from {@code -f} as Locust's master reads its locustfile: Python
   * files by {@link PythonLocustfileReader} (weights and fixed counts, without running Python),
   * anything else by the Java scenario loader; narrowed to the positional names. When {@code -f}
   * cannot be read, the positional names are used with weight 1 (or the master's default class).
   */
  List<UserClassSpec> userClasses(Settings settings) throws UsageException {
    String locustfile = settings.text(LocustOption.LOCUSTFILE).orElse("locustfile");
    if (!settings.isSet(LocustOption.LOCUSTFILE)
        && java.nio.file.Files.isRegularFile(invocation.workingDir().resolve("locustfile.py"))) {
      locustfile = "locustfile.py"; // Locust's default -f names ./locustfile.py
    }
    List<UserClassSpec> found;
    try {
      if (PythonLocustfiles.isPython(locustfile)) {
        LocustfileReading reading =
            PythonLocustfileReader.read(
                PythonLocustfiles.resolve(locustfile, invocation.workingDir()));
        reading.warnings().forEach(w -> LOG.warn("{}", w));
        found =
            settings.flag(LocustOption.EQUAL_WEIGHTS)
                ? reading.userClasses().stream()
                    .map(c -> new UserClassSpec(c.name(), 1, c.fixedCount()))
                    .toList()
                : reading.userClasses();
      } else {
        found = Scenario.load(settings, invocation.workingDir()).specs();
      }
    } catch (IOException | UsageException e) {
      LOG.info("Not reading user classes from -f {} ({})", locustfile, e.getMessage());
      return settings.userClasses().stream().map(n -> UserClassSpec.weighted(n, 1)).toList();
    }
    if (settings.userClasses().isEmpty()) {
      return found;
    }
    List<String> missing =
        settings.userClasses().stream()
            .filter(n -> found.stream().noneMatch(s -> s.name().equals(n)))
            .toList();
    if (!missing.isEmpty()) {
      throw UsageException.config("Unknown User(s): " + String.join(", ", missing));
    }
    return found.stream().filter(s -> settings.userClasses().contains(s.name())).toList();
  }

  /** Every option by Locust's dest name, as a 2.12.1 master sends {@code parsed_options}. */
  static Map<String, Object> parsedOptions(Settings settings) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (LocustOption option : LocustOption.values()) {
      if (option.help().isPresent() && option != LocustOption.HELP) {
        options.put(option.dest(), settings.value(option));
      }
    }
    return options;
  }

  static Optional<CsvFiles> csvFiles(Settings settings, Invocation invocation)
      throws UsageException {
    if (settings.text(LocustOption.CSV).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new CsvFiles(
              invocation.workingDir().resolve(settings.text(LocustOption.CSV).get()),
              settings.flag(LocustOption.CSV_FULL_HISTORY)));
    } catch (IOException e) {
      throw UsageException.config("Cannot write the --csv files: " + e.getMessage());
    }
  }
}
