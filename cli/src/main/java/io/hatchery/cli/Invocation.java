package io.hatchery.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of {@code hatchery} gets from the process: environment variables, home and working
 * directories, stdout and stderr. Injected so that tests never touch the real ones.
 *
 * @param env the environment variables
 * @param homeDir where {@code ~/.locust.conf} is looked up
 * @param workingDir where {@code ./locust.conf} and relative paths are resolved
 * @param out standard output (tables with {@code --json}, {@code --help}, {@code -V})
 * @param err standard error (notes, errors; the log goes there unless {@code --logfile})
 */
public record Invocation(
    Map<String, String> env, Path homeDir, Path workingDir, PrintStream out, PrintStream err) {

  public Invocation {
    env = Map.copyOf(env);
  }

  /** The real process: {@code System.getenv()}, {@code user.home}, {@code user.dir}. */
  public static Invocation ofProcess() {
    return new Invocation(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Path.of(System.getProperty("user.dir")),
        System.out,
        System.err);
  }
}
