package io.hatchery.it.locust4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Locust4j worker process: the scenario in {@code src/test/locust4j}, compiled against one
 * {@link Locust4jRelease} and run in a JVM of its own whose class path holds only that release's
 * jars, so its jeromq 0.4.3 and msgpack-core 0.8.13 never meet ours.
 *
 * <p>The worker makes at most {@code requestBudget} HTTP requests to {@code targetBaseUrl} ({@code
 * /hello} as successes, {@code /status/500} as failures named {@code /fail}), then idles. Its
 * output (slf4j-simple at debug level where the release logs through slf4j) goes to a log file that
 * failures can quote. Closing kills the process, and only it, by PID.
 *
 * <pre>{@code
 * try (Locust4jProcess worker =
 *     Locust4jProcess.start(Locust4jRelease.g1b(), dir, "127.0.0.1", port, target.baseUrl(), 100)) {
 *   ...
 * }
 * }</pre>
 */
final class Locust4jProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "io.hatchery.it.locust4j.worker.Locust4jWorker";

  private final Process process;
  private final Path logFile;

  private Locust4jProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
  }

  /** Compiles the scenario against {@code release} in {@code workDir} and starts the worker. */
  static Locust4jProcess start(
      Locust4jRelease release,
      Path workDir,
      String masterHost,
      int masterPort,
      String targetBaseUrl,
      long requestBudget)
      throws IOException {
    Path classes = Files.createDirectories(workDir.resolve("classes-" + release.version()));
    release.compileWorker(classes);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx128m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
            "-cp",
            release.classPath(List.of(classes)),
            MAIN_CLASS,
            masterHost,
            Integer.toString(masterPort),
            targetBaseUrl,
            Long.toString(requestBudget));
    Path logFile = Files.createTempFile(workDir, "locust4j-" + release.version() + "-", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    return new Locust4jProcess(process, logFile);
  }

  /** The operating-system process id. */
  long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits up to {@code timeout} for the process to exit and returns its exit code.
   *
   * @throws AssertionError if it is still running at the deadline (the message quotes the log)
   */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("Locust4j still running after " + timeout + "\n" + log());
    }
    return process.exitValue();
  }

  /** Everything the process printed so far. */
  String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  /** Terminates the process (SIGTERM, then SIGKILL after 5 s) if it is still running. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
