package io.hatchery.cli.options;

import java.util.List;
import java.util.Optional;

/**
 * The option spellings of Locust 0.10's manual that current Locust renamed or removed, accepted
 * with a deprecation note naming the current option. (Locust 2.12.1 itself refuses {@code --slave}
 * and {@code --expect-slaves}; accepting them lets every command line of the old documentation run
 * unchanged.)
 */
public final class OlderSpellings {

  /** The accepted old spellings. */
  public static final List<OlderSpelling> ALL =
      List.of(
          renamed("--slave", LocustOption.WORKER_MODE, true),
          renamed("--expect-slaves", LocustOption.EXPECT_WORKERS, null),
          renamed("-c", LocustOption.USERS, null),
          renamed("--clients", LocustOption.USERS, null),
          renamed("--hatch-rate", LocustOption.SPAWN_RATE, null),
          renamed("--no-web", LocustOption.HEADLESS, true),
          renamed("--csv-base-name", LocustOption.CSV, null),
          new OlderSpelling(
              "-n",
              LocustOption.NUM_REQUESTS,
              null,
              "[DEPRECATED] -n/--num-request is from Locust 0.x and has no current option (use"
                  + " --run-time); Hatchery stops the run after that many requests"),
          new OlderSpelling(
              "--num-request",
              LocustOption.NUM_REQUESTS,
              null,
              "[DEPRECATED] -n/--num-request is from Locust 0.x and has no current option (use"
                  + " --run-time); Hatchery stops the run after that many requests"),
          new OlderSpelling(
              "--no-reset-stats",
              null,
              null,
              "[DEPRECATED] --no-reset-stats is the default now (use --reset-stats to reset);"
                  + " ignored"));

  /** The environment variable Locust 2.12.1 still reads for {@code --hatch-rate}. */
  public static final String HATCH_RATE_ENV = "LOCUST_HATCH_RATE";

  private OlderSpellings() {}

  /** Finds an old spelling by its command-line name. */
  public static Optional<OlderSpelling> byName(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Finds an old long spelling by its config-file key (without dashes). */
  public static Optional<OlderSpelling> byConfigKey(String key) {
    return ALL.stream().filter(s -> key.equals(s.configKey())).findFirst();
  }

  private static OlderSpelling renamed(String name, LocustOption current, Object impliedValue) {
    String names = String.join("/", current.names());
    return new OlderSpelling(
        name,
        current,
        impliedValue,
        "[DEPRECATED] The " + name + " parameter has been renamed " + names);
  }
}
