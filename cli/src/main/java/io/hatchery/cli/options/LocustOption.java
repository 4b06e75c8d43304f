package io.hatchery.cli.options;

import static io.hatchery.cli.options.OptionGroup.COMMON;
import static io.hatchery.cli.options.OptionGroup.LOGGING;
import static io.hatchery.cli.options.OptionGroup.MASTER;
import static io.hatchery.cli.options.OptionGroup.OTHER;
import static io.hatchery.cli.options.OptionGroup.STATS;
import static io.hatchery.cli.options.OptionGroup.TAGS;
import static io.hatchery.cli.options.OptionGroup.THRESHOLDS;
import static io.hatchery.cli.options.OptionGroup.WEB_UI;
import static io.hatchery.cli.options.OptionGroup.WORKER;
import static io.hatchery.cli.options.OptionType.FLAG;
import static io.hatchery.cli.options.OptionType.FLOAT;
import static io.hatchery.cli.options.OptionType.INT;
import static io.hatchery.cli.options.OptionType.LIST;
import static io.hatchery.cli.options.OptionType.TEXT;

import java.util.List;
import java.util.Optional;

/**
 * Every option of the command line, defined once: names (the long name first is the canonical one
 * and the config-file key), {@code LOCUST_*} environment variable, default, type and help text. The
 * names, environment variables and defaults are Locust 2.12.1's ({@code
 * locust/argument_parser.py}), plus {@code --json} (Locust 2.14.1) and Hatchery's thresholds; the
 * help texts are our own.
 *
 * <p>An option without help text is hidden from {@code --help}, as Locust hides it. The 0.x
 * spellings live in {@link OlderSpellings}.
 */
public enum LocustOption {
  HELP(COMMON, FLAG, "-h --help", null, null, null, "Print this help and exit."),
  LOCUSTFILE(
      COMMON,
      TEXT,
      "-f --locustfile",
      "LOCUST_LOCUSTFILE",
      "locustfile",
      "LOCUSTFILE",
      "The scenario: a .java source file (compiled in memory), a jar, or a class name on the"
          + " classpath. Defaults to 'locustfile'."),
  CONFIG(COMMON, TEXT, "--config", null, null, "CONFIG", "Read options from this config file."),
  HOST(
      COMMON,
      TEXT,
      "-H --host",
      "LOCUST_HOST",
      null,
      "HOST",
      "Base URL of the system under test, e.g. http://10.21.32.33"),
  USERS(
      COMMON,
      INT,
      "-u --users",
      "LOCUST_USERS",
      null,
      "NUM_USERS",
      "Peak number of concurrent users. In a headless run, w/W adds 1/10 users and s/S removes"
          + " 1/10."),
  SPAWN_RATE(
      COMMON,
      FLOAT,
      "-r --spawn-rate",
      "LOCUST_SPAWN_RATE",
      null,
      "SPAWN_RATE",
      "Users started (or stopped) per second."),
  RUN_TIME(
      COMMON,
      TEXT,
      "-t --run-time",
      "LOCUST_RUN_TIME",
      null,
      "RUN_TIME",
      "Stop after this long, e.g. 300s, 20m, 3h, 1h30m (a bare number is seconds). Only with"
          + " --headless or --autostart; default: run until stopped."),
  LIST_COMMANDS(COMMON, FLAG, "-l --list", null, false, null, "List the user classes and exit."),
  WEB_HOST(
      WEB_UI,
      TEXT,
      "--web-host",
      "LOCUST_WEB_HOST",
      "",
      "WEB_HOST",
      "Address the web UI listens on; empty or '*' means every interface."),
  WEB_PORT(
      WEB_UI, INT, "--web-port -P", "LOCUST_WEB_PORT", 8089, "WEB_PORT", "Port of the web UI."),
  HEADLESS(
      WEB_UI,
      FLAG,
      "--headless",
      "LOCUST_HEADLESS",
      false,
      null,
      "No web UI: start the test at once and print statistics to the console."),
  AUTOSTART(
      WEB_UI,
      FLAG,
      "--autostart",
      "LOCUST_AUTOSTART",
      false,
      null,
      "Start the test at once but keep the web UI running."),
  AUTOQUIT(
      WEB_UI,
      INT,
      "--autoquit",
      "LOCUST_AUTOQUIT",
      -1,
      "AUTOQUIT",
      "With --autostart: quit this many seconds after the run ends; -1 never quits."),
  HEADFUL(WEB_UI, FLAG, "--headful", "LOCUST_HEADFUL", false, null, null),
  WEB_AUTH(
      WEB_UI,
      TEXT,
      "--web-auth",
      "LOCUST_WEB_AUTH",
      null,
      "WEB_AUTH",
      "Protect the web UI with HTTP Basic auth, given as username:password."),
  TLS_CERT(
      WEB_UI,
      TEXT,
      "--tls-cert",
      "LOCUST_TLS_CERT",
      "",
      "TLS_CERT",
      "Certificate (PEM) for serving the web UI over HTTPS; needs --tls-key."),
  TLS_KEY(
      WEB_UI,
      TEXT,
      "--tls-key",
      "LOCUST_TLS_KEY",
      "",
      "TLS_KEY",
      "Private key (PEM) for serving the web UI over HTTPS; needs --tls-cert."),
  CLASS_PICKER(
      WEB_UI,
      FLAG,
      "--class-picker",
      "LOCUST_USERCLASS_PICKER",
      false,
      null,
      "Let the web UI choose which user classes and load shape to run."),
  MASTER_MODE(
      MASTER,
      FLAG,
      "--master",
      "LOCUST_MODE_MASTER",
      false,
      null,
      "Run as the master: distribute users to workers and aggregate their statistics."),
  MASTER_BIND_HOST(
      MASTER,
      TEXT,
      "--master-bind-host",
      "LOCUST_MASTER_BIND_HOST",
      "*",
      "MASTER_BIND_HOST",
      "Address the master listens on for workers; '*' means every interface."),
  MASTER_BIND_PORT(
      MASTER,
      INT,
      "--master-bind-port",
      "LOCUST_MASTER_BIND_PORT",
      5557,
      "MASTER_BIND_PORT",
      "Port the master listens on for workers (with --legacy-push-pull also the next one)."),
  EXPECT_WORKERS(
      MASTER,
      INT,
      "--expect-workers",
      "LOCUST_EXPECT_WORKERS",
      1,
      "EXPECT_WORKERS",
      "With --headless or --autostart: wait for this many ready workers before starting."),
  EXPECT_WORKERS_MAX_WAIT(
      MASTER,
      INT,
      "--expect-workers-max-wait",
      "LOCUST_EXPECT_WORKERS_MAX_WAIT",
      0,
      "EXPECT_WORKERS_MAX_WAIT",
      "Give up (exit 1) after waiting this many seconds for workers; 0 waits forever."),
  LEGACY_PUSH_PULL(
      MASTER,
      FLAG,
      "--legacy-push-pull",
      "HATCHERY_LEGACY_PUSH_PULL",
      false,
      null,
      "(Hatchery) Serve Locust 0.9-era workers over PUSH/PULL on the bind port and the next one,"
          + " as --master-port meant in Locust 0.x."),
  WORKER_MODE(
      WORKER,
      FLAG,
      "--worker",
      "LOCUST_MODE_WORKER",
      false,
      null,
      "Run as a worker: connect to a master and run the users it assigns."),
  MASTER_HOST(
      WORKER,
      TEXT,
      "--master-host",
      "LOCUST_MASTER_NODE_HOST",
      "127.0.0.1",
      "MASTER_NODE_HOST",
      "Host or address of the master to connect to."),
  MASTER_PORT(
      WORKER,
      INT,
      "--master-port",
      "LOCUST_MASTER_NODE_PORT",
      5557,
      "MASTER_NODE_PORT",
      "Port of the master to connect to."),
  TAGS_OPTION(
      TAGS,
      LIST,
      "-T --tags",
      "LOCUST_TAGS",
      null,
      "TAG",
      "Run only the tasks that carry at least one of these tags."),
  EXCLUDE_TAGS(
      TAGS,
      LIST,
      "-E --exclude-tags",
      "LOCUST_EXCLUDE_TAGS",
      null,
      "TAG",
      "Skip the tasks that carry any of these tags."),
  CSV(
      STATS,
      TEXT,
      "--csv",
      "LOCUST_CSV",
      null,
      "CSV_PREFIX",
      "Write statistics to PREFIX_stats.csv, PREFIX_stats_history.csv, PREFIX_failures.csv and"
          + " PREFIX_exceptions.csv."),
  CSV_FULL_HISTORY(
      STATS,
      FLAG,
      "--csv-full-history",
      "LOCUST_CSV_FULL_HISTORY",
      false,
      null,
      "History rows for every entry, not only Aggregated; needs --csv."),
  PRINT_STATS(
      STATS,
      FLAG,
      "--print-stats",
      "LOCUST_PRINT_STATS",
      false,
      null,
      "Print the statistics table to the console also when the web UI runs."),
  ONLY_SUMMARY(
      STATS,
      FLAG,
      "--only-summary",
      "LOCUST_ONLY_SUMMARY",
      false,
      null,
      "Print only the final summary, not the table every 2 seconds."),
  RESET_STATS(
      STATS,
      FLAG,
      "--reset-stats",
      "LOCUST_RESET_STATS",
      false,
      null,
      "Zero the statistics once all users are spawned (set it on master and workers)."),
  HTML(STATS, TEXT, "--html", "LOCUST_HTML", null, "HTML_FILE", "Write an HTML report there."),
  JSON(STATS, FLAG, "--json", null, false, null, "Print the final statistics as JSON on stdout."),
  CHECK_FAIL_RATIO(
      THRESHOLDS,
      FLOAT,
      "--check-fail-ratio",
      "LOCUST_CHECK_FAIL_RATIO",
      null,
      "RATIO",
      "Fail the run (exit 1) when the failure ratio is above this, e.g. 0.01."),
  CHECK_AVG_RESPONSE_TIME(
      THRESHOLDS,
      FLOAT,
      "--check-avg-response-time",
      "LOCUST_CHECK_AVG_RESPONSE_TIME",
      null,
      "MILLIS",
      "Fail the run when the average response time (ms) is above this."),
  CHECK_P95(
      THRESHOLDS,
      FLOAT,
      "--check-p95",
      "LOCUST_CHECK_P95",
      null,
      "MILLIS",
      "Fail the run when the 95th percentile response time (ms) is above this."),
  CHECK_RPS(
      THRESHOLDS,
      FLOAT,
      "--check-rps",
      "LOCUST_CHECK_RPS",
      null,
      "RPS",
      "Fail the run when the average requests per second are below this."),
  SKIP_LOG_SETUP(
      LOGGING,
      FLAG,
      "--skip-log-setup",
      "LOCUST_SKIP_LOG_SETUP",
      false,
      null,
      "Leave logging configuration to the scenario (or logback.xml)."),
  LOGLEVEL(
      LOGGING,
      TEXT,
      "--loglevel -L",
      "LOCUST_LOGLEVEL",
      "INFO",
      "LOGLEVEL",
      "DEBUG, INFO, WARNING, ERROR or CRITICAL."),
  LOGFILE(
      LOGGING,
      TEXT,
      "--logfile",
      "LOCUST_LOGFILE",
      null,
      "LOGFILE",
      "Write the log to this file instead of stderr."),
  STEP_LOAD(OTHER, FLAG, "--step-load", null, false, null, null),
  STEP_USERS(OTHER, INT, "--step-users", null, null, "STEP_USERS", null),
  STEP_CLIENTS(OTHER, FLAG, "--step-clients", null, false, null, null),
  STEP_TIME(OTHER, TEXT, "--step-time", null, null, "STEP_TIME", null),
  NUM_REQUESTS(OTHER, INT, "--num-request -n", null, null, "NUM_REQUEST", null),
  SHOW_TASK_RATIO(
      OTHER,
      FLAG,
      "--show-task-ratio",
      null,
      false,
      null,
      "Print the task execution ratio of each user class and exit."),
  SHOW_TASK_RATIO_JSON(
      OTHER, FLAG, "--show-task-ratio-json", null, false, null, "The same as JSON."),
  VERSION(OTHER, FLAG, "--version -V", null, false, null, "Print the version and exit."),
  EXIT_CODE_ON_ERROR(
      OTHER,
      INT,
      "--exit-code-on-error",
      "LOCUST_EXIT_CODE_ON_ERROR",
      1,
      "EXIT_CODE_ON_ERROR",
      "Exit code when any request failed or a user raised an exception."),
  STOP_TIMEOUT(
      OTHER,
      INT,
      "-s --stop-timeout",
      "LOCUST_STOP_TIMEOUT",
      null,
      "STOP_TIMEOUT",
      "Seconds a stopping user may finish its current task; default: stop at once."),
  EQUAL_WEIGHTS(
      OTHER,
      FLAG,
      "--equal-weights",
      null,
      false,
      null,
      "Give every user class weight 1 and each of a user's tasks the same chance, whatever their"
          + " declared weights (tasks inside a nested task set keep theirs, as in Locust)."),
  ENABLE_REBALANCING(
      OTHER,
      FLAG,
      "--enable-rebalancing",
      null,
      false,
      null,
      "Accepted for Locust: Hatchery redistributes the users when workers join, leave or go"
          + " missing by default (see --disable-rebalancing)."),
  DISABLE_REBALANCING(
      OTHER,
      FLAG,
      "--disable-rebalancing",
      "HATCHERY_DISABLE_REBALANCING",
      false,
      null,
      "(Hatchery) Locust's old behaviour: users stay where they are when workers join or leave"
          + " during a run.");

  private final OptionGroup group;
  private final OptionType type;
  private final List<String> names;
  private final String envVar;
  private final Object defaultValue;
  private final String metavar;
  private final String help;

  LocustOption(
      OptionGroup group,
      OptionType type,
      String names,
      String envVar,
      Object defaultValue,
      String metavar,
      String help) {
    this.group = group;
    this.type = type;
    this.names = List.of(names.split(" "));
    this.envVar = envVar;
    this.defaultValue = defaultValue;
    this.metavar = metavar;
    this.help = help;
  }

  public OptionGroup group() {
    return group;
  }

  public OptionType type() {
    return type;
  }

  /** The spellings on the command line, as {@code --help} lists them. */
  public List<String> names() {
    return names;
  }

  /** The first long name, e.g. {@code --spawn-rate}; used in messages. */
  public String longName() {
    return names.stream().filter(n -> n.startsWith("--")).findFirst().orElseThrow();
  }

  /**
   * Locust's attribute name in {@code parsed_options} (argparse's {@code dest}), e.g. {@code
   * num_users} for {@code -u}; sent to workers in every {@code spawn}.
   */
  public String dest() {
    return switch (this) {
      case USERS -> "num_users";
      case LIST_COMMANDS -> "list_commands";
      case CSV -> "csv_prefix";
      case CSV_FULL_HISTORY -> "stats_history_enabled";
      case HTML -> "html_file";
      case MASTER_MODE -> "master";
      case WORKER_MODE -> "worker";
      case TAGS_OPTION -> "tags";
      case MASTER_HOST -> "master_host";
      case MASTER_PORT -> "master_port";
      default -> configKey().replace('-', '_');
    };
  }

  /** The config-file key: the long name without dashes, e.g. {@code spawn-rate}. */
  public String configKey() {
    return longName().substring(2);
  }

  /** The {@code LOCUST_*} environment variable, if the option has one. */
  public Optional<String> envVar() {
    return Optional.ofNullable(envVar);
  }

  /** The default (Boolean, Integer, Double, String or null = none). */
  public Object defaultValue() {
    return defaultValue;
  }

  /** The value placeholder shown in {@code --help}; null for flags. */
  public String metavar() {
    return metavar;
  }

  /** Help text, empty when the option is hidden. */
  public Optional<String> help() {
    return Optional.ofNullable(help);
  }
}
