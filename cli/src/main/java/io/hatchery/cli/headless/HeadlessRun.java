package io.hatchery.cli.headless;

import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.headless.ExpectedWorkers;
import io.hatchery.stats.report.ConsoleTables;
import io.hatchery.stats.report.StatsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless run driven by a one-second {@link #tick()}: waits for {@code --expect-workers} ready
 * workers (master mode), starts the swarm ({@code -u}, {@code -r}, {@code -H}, user classes),
 * prints the request table every 2 s unless {@code --only-summary}, updates the CSV files every
 * second, resets the statistics when spawning completes with {@code --reset-stats}, and ends at
 * {@code --run-time}, after {@code -n} requests, or when the run stops by itself. {@link #finish}
 * quits the master and prints the final tables, the JSON, the threshold verdict, and returns the
 * exit code. Mirrors the headless parts of {@code main()} in locust/main.py (2.12.1).
 *
 * <p>Thread-safety: confined to one thread (the loop calling {@link #tick()} and {@link #finish}).
 * Time comes from the injected clock, so tests drive it without sleeping.
 */
public final class HeadlessRun {
  private static final Logger LOG = LoggerFactory.getLogger(HeadlessRun.class);
  private static final Duration CONSOLE_INTERVAL = Duration.ofSeconds(2);

  private final MasterControl master;
  private final Settings settings;
  private final InstantSource clock;
  private final Consumer<String> console;
  private final PrintStream stdout;
  private final Optional<CsvFiles> csv;
  private final int nameWidth;
  private final ExpectedWorkers expected;
  private Instant startedAt;
  private Instant lastPrintAt;
  private RunState lastState;
  private boolean everRan;
  private boolean done;
  private boolean gaveUpWaiting;
  private Runnable awaitQuit = () -> {};
  private Consumer<MasterSnapshot> htmlWriter = last -> {};

  /**
   * @param expectWorkers ready workers to wait for before starting: {@code --expect-workers} on a
   *     master, 1 in standalone mode (its in-process worker), 0 to start at once
   * @param console receives the tables line by line (Locust's stats_logger)
   * @param stdout receives the {@code --json} output
   */
  public HeadlessRun(
      MasterControl master,
      Settings settings,
      InstantSource clock,
      Consumer<String> console,
      PrintStream stdout,
      Optional<CsvFiles> csv,
      int nameWidth,
      int expectWorkers) {
    this.master = master;
    this.settings = settings;
    this.clock = clock;
    this.console = console;
    this.stdout = stdout;
    this.csv = csv;
    this.nameWidth = nameWidth;
    this.expected =
        new ExpectedWorkers(
            expectWorkers,
            settings.integer(LocustOption.EXPECT_WORKERS_MAX_WAIT).stream()
                .mapToObj(Duration::ofSeconds)
                .findFirst(),
            clock.instant());
    if (expectWorkers == 0) {
      startSwarm();
    }
  }

  /** One second passed; returns whether the run is over (then call {@link #finish}). */
  public boolean tick() {
    if (done) {
      return true;
    }
    Instant now = clock.instant();
    MasterSnapshot snapshot = master.snapshot();
    if (startedAt == null) {
      waitForWorkers(snapshot, now);
      return done;
    }
    csv.ifPresent(c -> c.everySecond(snapshot, now.toEpochMilli() / 1000.0));
    if (showsPeriodicTable()
        && !Duration.between(lastPrintAt, now).minus(CONSOLE_INTERVAL).isNegative()) {
      printTable(snapshot, true);
      lastPrintAt = now;
    }
    if (settings.flag(LocustOption.RESET_STATS)
        && lastState == RunState.SPAWNING
        && snapshot.state() == RunState.RUNNING) {
      LOG.info("Resetting stats");
      master.resetStats();
    }
    everRan |= snapshot.state() == RunState.RUNNING || snapshot.state() == RunState.SPAWNING;
    lastState = snapshot.state();
    Optional<Duration> runTime = settings.runTime();
    if (runTime.isPresent() && !now.isBefore(startedAt.plus(runTime.get()))) {
      LOG.info("--run-time limit reached, shutting down");
      done = true;
    } else if (settings.integer(LocustOption.NUM_REQUESTS).isPresent()
        && snapshot.stats().total().numRequests()
            >= settings.integer(LocustOption.NUM_REQUESTS).getAsInt()) {
      LOG.info("-n/--num-request limit reached, shutting down");
      done = true;
    } else if (everRan && snapshot.state() == RunState.STOPPED) {
      LOG.info("The test stopped, shutting down");
      done = true;
    }
    return done;
  }

  /**
   * Sets what {@link #finish} waits for after {@code quit()} before it reads the final snapshot,
   * e.g. the master's termination, so the last worker reports are in the final tables.
   */
  public HeadlessRun awaitingQuit(Runnable waitForQuit) {
    this.awaitQuit = waitForQuit;
    return this;
  }

  /** Sets what writes {@code --html} from the final snapshot (the CLI's report writer). */
  public HeadlessRun writingHtmlWith(Consumer<MasterSnapshot> writer) {
    this.htmlWriter = writer;
    return this;
  }

  /** Ends the run now (the loop was interrupted, e.g. Ctrl-C). */
  public void stopNow() {
    done = true;
  }

  /**
   * Quits the master, writes the final outputs and returns the exit code.
   *
   * @param internalError whether the loop failed (exit code 2 unless errors or thresholds decide)
   */
  public int finish(boolean internalError) {
    master.quit();
    awaitQuit.run();
    MasterSnapshot last = master.snapshot();
    if (gaveUpWaiting) {
      return 1;
    }
    htmlWriter.accept(last);
    RunOutcome outcome =
        new RunOutcome(
            Thresholds.from(settings).evaluate(last.stats()),
            last.stats().errors().size(),
            last.exceptions().size(),
            internalError,
            last.degraded(),
            settings.integer(LocustOption.EXIT_CODE_ON_ERROR).orElse(1));
    LOG.info("Shutting down (exit code {})", outcome.exitCode());
    printTable(last, false);
    ConsoleTables.percentiles(last.stats(), nameWidth).forEach(console);
    console.accept("");
    ConsoleTables.errors(last.stats(), nameWidth).forEach(console);
    outcome.verdict().forEach(console);
    if (csv.isPresent()) {
      try {
        csv.get().close(last);
      } catch (IOException e) {
        LOG.error("Could not write the CSV files: {}", e.toString());
      }
    }
    if (settings.flag(LocustOption.JSON)) {
      stdout.println(StatsJson.render(last.stats()));
      stdout.flush();
    }
    return outcome.exitCode();
  }

  private void waitForWorkers(MasterSnapshot snapshot, Instant now) {
    switch (expected.check(snapshot, now)) {
      case READY -> startSwarm();
      case GAVE_UP -> {
        gaveUpWaiting = true;
        done = true;
      }
      case WAITING -> {}
    }
  }

  private void startSwarm() {
    int users = settings.usersOrDefault();
    double rate = settings.spawnRateOrDefault();
    settings.runTime().ifPresent(t -> LOG.info("Run time limit set to {} seconds", t.toSeconds()));
    LOG.info("Ramping to {} users at a rate of {} per second", users, pythonFloat(rate));
    master.start(
        new SwarmRequest(users, rate, settings.host(), Optional.empty(), settings.userClasses()));
    startedAt = clock.instant();
    lastPrintAt = startedAt;
  }

  private boolean showsPeriodicTable() {
    return !settings.flag(LocustOption.ONLY_SUMMARY);
  }

  private void printTable(MasterSnapshot snapshot, boolean current) {
    ConsoleTables.requests(snapshot.stats(), current, nameWidth).forEach(console);
    console.accept("");
  }

  private static String pythonFloat(double value) {
    return value == Math.rint(value) ? (long) value + ".0" : Double.toString(value);
  }
}
