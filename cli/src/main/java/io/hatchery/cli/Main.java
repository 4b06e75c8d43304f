package io.hatchery.cli;

import io.hatchery.cli.options.ConfigSources;
import io.hatchery.cli.options.HelpText;
import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.SettingsValidation;
import io.hatchery.cli.options.UsageException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code hatchery} command: Locust 2.12.1's command line ({@code hatchery [OPTIONS] [UserClass
 * ...]}), plus the tools {@code hatchery decode} and {@code hatchery demo}. Runs from {@code
 * cli/target/hatchery.jar} (see the {@code ./hatchery} launcher at the repository root).
 *
 * <p>Order of work, as in Locust's {@code main}: resolve the settings (config files, environment,
 * command line), print deprecation notes, answer {@code -h}/{@code -V}, validate, set up logging,
 * then run the mode.
 */
public final class Main {
  /** How long {@code hatchery demo} runs its test. */
  static final String DEMO_RUN_TIME = "20s";

  private final Invocation invocation;
  private final Modes modes;

  Main(Invocation invocation, Modes modes) {
    this.invocation = invocation;
    this.modes = modes;
  }

  public static void main(String[] args) {
    Invocation invocation = Invocation.ofProcess();
    System.exit(new Main(invocation, new Modes(invocation)).run(args));
  }

  /** Runs the command line and returns its exit code; never calls {@link System#exit}. */
  int run(String... args) {
    if (args.length > 0 && args[0].equals("decode")) {
      return decode(Arrays.copyOfRange(args, 1, args.length));
    }
    if (args.length > 0 && args[0].equals("demo")) {
      LogSetup.apply("INFO", java.util.Optional.empty());
      return new Demo(invocation, DEMO_RUN_TIME).run();
    }
    Settings settings;
    try {
      settings =
          new ConfigSources(invocation.homeDir(), invocation.workingDir(), invocation.env())
              .resolve(List.of(args));
    } catch (UsageException e) {
      invocation.err().println(e.getMessage());
      return e.exitCode();
    }
    settings.notes().forEach(invocation.err()::println);
    if (settings.flag(LocustOption.HELP)) {
      invocation.out().print(HelpText.render());
      return 0;
    }
    if (settings.flag(LocustOption.VERSION)) {
      invocation.out().println(new Versions().getVersion()[0]);
      return 0;
    }
    try {
      SettingsValidation.check(settings);
    } catch (UsageException e) {
      invocation.err().println(e.getMessage());
      return e.exitCode();
    }
    if (!settings.flag(LocustOption.SKIP_LOG_SETUP)) {
      LogSetup.apply(
          settings.text(LocustOption.LOGLEVEL).orElse("INFO"),
          settings.text(LocustOption.LOGFILE).map(invocation.workingDir()::resolve));
    }
    return modes.run(settings);
  }

  private int decode(String... args) {
    CommandLine commandLine = new CommandLine(new DecodeCommand());
    commandLine.setOut(new PrintWriter(invocation.out(), true));
    commandLine.setErr(new PrintWriter(invocation.err(), true));
    return commandLine.execute(args);
  }
}
