package io.hatchery.cli;

import io.hatchery.cli.headless.RunOutcome;
import io.hatchery.cli.headless.Thresholds;
import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.runner.Master;
import io.hatchery.master.web.Autostart;
import io.hatchery.master.web.HistoryPoint;
import io.hatchery.master.web.HtmlReport;
import io.hatchery.master.web.TlsFiles;
import io.hatchery.master.web.WebCredentials;
import io.hatchery.master.web.WebServer;
import io.hatchery.master.web.WebSettings;
import io.hatchery.stats.report.ConsoleTables;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master (or standalone) run with the web UI: serves it on {@code --web-host}/{@code --web-port}
 * (Basic auth, TLS, {@code --autostart}/{@code --autoquit} as the settings say), prints the table
 * every 2 s with {@code --print-stats}, and when the master has quit (from the UI, {@code
 * --autoquit}, {@code --run-time} with {@code --autostart}, or Ctrl-C) prints the final tables,
 * writes {@code --html} and returns Locust's exit code.
 */
final class WebUiRun {
  private static final Logger LOG = LoggerFactory.getLogger(WebUiRun.class);
  private static final Logger STATS = LoggerFactory.getLogger(LogSetup.STATS_LOGGER);
  private static final Duration PRINT_INTERVAL = Duration.ofSeconds(2);

  private WebUiRun() {}

  static int run(Master master, Settings settings, Invocation invocation) throws Exception {
    WebSettings web = webSettings(settings, invocation);
    String host = settings.text(LocustOption.WEB_HOST).orElse("");
    int port = settings.integer(LocustOption.WEB_PORT).orElse(WebSettings.DEFAULT_PORT);
    try (WebServer server =
        Bindings.bind(LocustOption.WEB_PORT, host, port, () -> WebServer.start(web, master))) {
      LOG.info("Starting web interface at {}", server.uri());
      Thread hook = new Thread(master::quit, "hatchery-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      Consumer<String> console = STATS::info;
      while (!master.awaitTermination(PRINT_INTERVAL)) {
        if (settings.flag(LocustOption.PRINT_STATS)) {
          ConsoleTables.requests(master.snapshot().stats(), true, ConsoleTables.DEFAULT_NAME_WIDTH)
              .forEach(console);
          console.accept("");
        }
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the tables below are still printed before the JVM exits.
      }
      return finish(master.snapshot(), settings, invocation, server.history().points(), console);
    }
  }

  /** Final tables, the HTML report and the exit code, as Locust's {@code shutdown()}. */
  static int finish(
      MasterSnapshot last,
      Settings settings,
      Invocation invocation,
      List<HistoryPoint> history,
      Consumer<String> console) {
    RunOutcome outcome =
        new RunOutcome(
            Thresholds.from(settings).evaluate(last.stats()),
            last.stats().errors().size(),
            last.exceptions().size(),
            false,
            last.degraded(),
            settings.integer(LocustOption.EXIT_CODE_ON_ERROR).orElse(1));
    LOG.info("Shutting down (exit code {})", outcome.exitCode());
    ConsoleTables.requests(last.stats(), false, ConsoleTables.DEFAULT_NAME_WIDTH).forEach(console);
    console.accept("");
    ConsoleTables.percentiles(last.stats(), ConsoleTables.DEFAULT_NAME_WIDTH).forEach(console);
    console.accept("");
    ConsoleTables.errors(last.stats(), ConsoleTables.DEFAULT_NAME_WIDTH).forEach(console);
    outcome.verdict().forEach(console);
    writeHtml(last, history, settings, invocation);
    return outcome.exitCode();
  }

  /** Writes {@code --html} if set; a failure is logged, not fatal (the run is over). */
  static void writeHtml(
      MasterSnapshot last, List<HistoryPoint> history, Settings settings, Invocation invocation) {
    Optional<String> html = settings.text(LocustOption.HTML);
    if (html.isEmpty()) {
      return;
    }
    Path file = invocation.workingDir().resolve(html.get());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      HtmlReport.write(last, history, out);
      LOG.info("Wrote the HTML report to {}", file);
    } catch (IOException e) {
      LOG.error("Could not write the HTML report {}: {}", file, e.toString());
    }
  }

  private static WebSettings webSettings(Settings settings, Invocation invocation)
      throws UsageException {
    WebSettings web =
        WebSettings.of(
            settings.text(LocustOption.WEB_HOST).orElse(""),
            settings.integer(LocustOption.WEB_PORT).orElse(WebSettings.DEFAULT_PORT));
    Optional<String> auth = settings.text(LocustOption.WEB_AUTH);
    if (auth.isPresent()) {
      web = web.withAuth(WebCredentials.parse(auth.get()));
    }
    String cert = settings.text(LocustOption.TLS_CERT).orElse("");
    if (!cert.isEmpty()) {
      web =
          web.withTls(
              new TlsFiles(
                  invocation.workingDir().resolve(cert),
                  invocation.workingDir().resolve(settings.text(LocustOption.TLS_KEY).get())));
    }
    if (settings.flag(LocustOption.AUTOSTART)) {
      int autoquit = settings.integer(LocustOption.AUTOQUIT).orElse(-1);
      SwarmRequest request =
          new SwarmRequest(
              settings.usersOrDefault(),
              settings.spawnRateOrDefault(),
              settings.host(),
              settings.runTime(),
              settings.userClasses());
      // Like Locust, a master waits for --expect-workers ready workers; standalone starts at once.
      int maxWaitSeconds = settings.integer(LocustOption.EXPECT_WORKERS_MAX_WAIT).orElse(0);
      Autostart start =
          settings.master()
              ? new Autostart(
                  request,
                  settings.integer(LocustOption.EXPECT_WORKERS).orElse(1),
                  maxWaitSeconds > 0
                      ? Optional.of(Duration.ofSeconds(maxWaitSeconds))
                      : Optional.empty())
              : Autostart.now(request);
      web =
          web.withAutostart(
              start, autoquit < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(autoquit)));
    }
    if (settings.flag(LocustOption.CSV_FULL_HISTORY)
        && settings.text(LocustOption.CSV).isPresent()) {
      web =
          web.withFullHistoryCsv(
              invocation
                  .workingDir()
                  .resolve(settings.text(LocustOption.CSV).get() + "_stats_history.csv"));
    }
    return web;
  }
}
