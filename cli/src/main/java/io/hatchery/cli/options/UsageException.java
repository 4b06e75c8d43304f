package io.hatchery.cli.options;

/**
 * A command line, config file or environment that cannot be run, with the message to print on
 * stderr and its exit code: 1 for every usage error, so a CI job sees one code for "the command
 * line is wrong". Locust 2.12.1 itself exits 2 for what argparse rejects (unknown option, malformed
 * value) and 255 for {@code --master} with {@code --worker}; Hatchery keeps argparse's message
 * format but not those codes (README, "Exit codes").
 */
public final class UsageException extends Exception {
  /** The exit code for a command line that cannot be parsed (argparse would exit 2). */
  public static final int PARSE_ERROR = 1;

  /** Locust's exit code for a configuration it refuses. */
  public static final int CONFIG_ERROR = 1;

  private final int exitCode;

  public UsageException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** An argparse-style error: {@code hatchery: error: <message>}, exit code 1. */
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
