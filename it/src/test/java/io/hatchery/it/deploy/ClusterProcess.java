package io.hatchery.it.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process of the multi-host test, started inside a lab host's namespace with its output in a
 * log file. Closing it sends SIGTERM (the process's own shutdown path) and waits, then kills.
 */
final class ClusterProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ClusterProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ClusterProcess start(
      String name, List<String> command, Map<String, String> env, Path logDir) throws IOException {
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().keySet().removeIf(k -> k.startsWith("LOCUST_"));
    builder.environment().putAll(env);
    return new ClusterProcess(name, builder.start(), log);
  }

  /** Waits for the process to exit by itself; its exit code, or throws on timeout. */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " still running after " + seconds + " s\n" + tail());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the process's output, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "---- "
          + name
          + " ----\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return name + ": no log (" + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
