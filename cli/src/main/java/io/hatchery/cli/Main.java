package io.hatchery.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hatchery} command. Runs from {@code cli/target/hatchery.jar} (see the {@code
 * ./hatchery} launcher at the repository root).
 *
 * <p>Subcommands are tools around the product; the load-test options of Locust's command line
 * arrive with the master and worker runtimes.
 */
@Command(
    name = "hatchery",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "Locust-compatible distributed load generator for the JVM.",
    subcommands = {DecodeCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; never calls {@link System#exit}. */
  static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
