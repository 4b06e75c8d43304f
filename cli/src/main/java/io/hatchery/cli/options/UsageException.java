package io.hatchery.cli.options;

/**
 * A command line, config file or environment that cannot be run, with the message to print on
 * stderr and the exit code Locust 2.12.1 uses for the same mistake: 2 for what argparse rejects
 * (unknown option, malformed value), 1 for Locust's own checks, 255 for {@code --master} with
 * {@code --worker} ({@code sys.exit(-1)}).
 */
public final class UsageException extends Exception {
  /** argparse's exit code for a command line it cannot parse. */
  public static final int PARSE_ERROR = 2;

  /** Locust's exit code for a configuration it refuses. */
  public static final int CONFIG_ERROR = 1;

  private final int exitCode;

  public UsageException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** An argparse-style error: {@code hatchery: error: <message>}, exit code 2. */
  public static UsageException parse(String message) {
    return new UsageException("hatchery: error: " + message, PARSE_ERROR);
  }

  /** A Locust-style refusal: the message alone, exit code 1. */
  public static UsageException config(String message) {
    return new UsageException(message, CONFIG_ERROR);
  }

  public int exitCode() {
    return exitCode;
  }
}
