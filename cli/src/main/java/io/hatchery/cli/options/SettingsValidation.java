package io.hatchery.cli.options;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses option combinations Locust 2.12.1 refuses, with its messages and exit codes ({@code
 * locust/main.py} and {@code argument_parser.py}), plus the checks Hatchery adds up front: a {@code
 * --host} that is not an http(s) URL, half a TLS pair, a negative threshold.
 */
public final class SettingsValidation {
  /**
   * The exit code for {@code --master} with {@code --worker}: 1 like every usage error (Locust's
   * {@code sys.exit(-1)} gives 255).
   */
  public static final int MASTER_WITH_WORKER_EXIT_CODE = 1;

  private static final List<String> LOG_LEVELS =
      List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

  private SettingsValidation() {}

  /** Throws the first problem found, in the order Locust checks them. */
  public static void check(Settings s) throws UsageException {
    if (s.flag(LocustOption.CSV_FULL_HISTORY) && s.text(LocustOption.CSV).isEmpty()) {
      throw UsageException.parse("'--csv-full-history' requires '--csv'.");
    }
    if (s.integer(LocustOption.AUTOQUIT).orElse(-1) != -1 && !s.flag(LocustOption.AUTOSTART)) {
      throw UsageException.config("--autoquit is only meaningful in combination with --autostart");
    }
    if (s.isSet(LocustOption.STEP_LOAD)
        || s.isSet(LocustOption.STEP_USERS)
        || s.isSet(LocustOption.STEP_CLIENTS)
        || s.isSet(LocustOption.STEP_TIME)) {
      throw UsageException.config(
          "The step load feature was removed in Locust 1.3. You can achieve similar results using"
              + " a LoadTestShape class. See"
              + " https://docs.locust.io/en/stable/custom-load-shape.html");
    }
    String level = s.text(LocustOption.LOGLEVEL).orElse("INFO").toUpperCase(Locale.ROOT);
    if (!s.flag(LocustOption.SKIP_LOG_SETUP) && !LOG_LEVELS.contains(level)) {
      throw UsageException.config(
          "Invalid --loglevel. Valid values are: DEBUG/INFO/WARNING/ERROR/CRITICAL");
    }
    if (s.master() && s.worker()) {
      throw new UsageException(
          "The --master argument cannot be combined with --worker", MASTER_WITH_WORKER_EXIT_CODE);
    }
    if (s.text(LocustOption.RUN_TIME).isPresent()) {
      if (s.worker()) {
        throw UsageException.config(
            "--run-time should be specified on the master node, and not on worker nodes");
      }
      try {
        RunTimes.parse(s.text(LocustOption.RUN_TIME).get());
      } catch (IllegalArgumentException e) {
        throw UsageException.config(RunTimes.FORMATS);
      }
    }
    if (s.text(LocustOption.WEB_AUTH).filter(a -> !a.contains(":")).isPresent()) {
      throw UsageException.config(
          "Credentials supplied with --web-auth should have the format: username:password");
    }
    checkHost(s);
    boolean cert = !s.text(LocustOption.TLS_CERT).orElse("").isEmpty();
    boolean key = !s.text(LocustOption.TLS_KEY).orElse("").isEmpty();
    if (cert != key) {
      throw UsageException.config("--tls-cert and --tls-key must be given together");
    }
    for (LocustOption threshold :
        List.of(
            LocustOption.CHECK_FAIL_RATIO,
            LocustOption.CHECK_AVG_RESPONSE_TIME,
            LocustOption.CHECK_P95,
            LocustOption.CHECK_RPS)) {
      double v = s.decimal(threshold).orElse(0);
      if (!(v >= 0)) {
        throw UsageException.config(threshold.longName() + " must be a number >= 0, got " + v);
      }
    }
  }

  private static void checkHost(Settings s) throws UsageException {
    if (s.host().isEmpty()) {
      return;
    }
    String host = s.host().get();
    String problem = null;
    try {
      URI uri = new URI(host);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problem = "it has no http:// or https:// scheme";
      } else if (uri.getHost() == null) {
        problem = "it has no host name";
      }
    } catch (URISyntaxException e) {
      problem = e.getReason();
    }
    if (problem != null) {
      throw UsageException.config(
          "Invalid --host '" + host + "': " + problem + " (expected e.g. http://10.21.32.33)");
    }
  }
}
