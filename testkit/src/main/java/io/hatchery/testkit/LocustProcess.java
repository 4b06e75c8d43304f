package io.hatchery.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Python Locust process (Debian's {@code python3-locust}, Locust 2.12.1) started for an
 * interop test, with its combined output written to a log file that failures can quote.
 *
 * <p>A missing Locust is a test failure with instructions, never a skip: CI must run interop tests.
 * Closing the process kills it (and only it) by PID.
 *
 * <pre>{@code
 * try (LocustProcess worker = LocustProcess.start(dir, "--worker", "--master-port", "5557")) {
 *   ...
 *   assertThat(worker.awaitExit(Duration.ofSeconds(20))).isZero();
 * }
 * }</pre>
 */
public final class LocustProcess implements AutoCloseable {
  /** Where Debian installs the {@code locust} script. */
  private static final Path DEBIAN_LOCUST = Path.of("/usr/bin/locust");

  private final Process process;
  private final Path logFile;

  private LocustProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code locust} with {@code args} in {@code workDir}; output goes to {@code
   * workDir/locust-<pid>.log}.
   */
  public static LocustProcess start(Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(locustExecutable().toString());
    command.addAll(List.of(args));
    Path logFile = Files.createTempFile(workDir, "locust-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    // Unbuffered Python output, so the log is complete when an assertion quotes it.
    builder.environment().put("PYTHONUNBUFFERED", "1");
    return new LocustProcess(builder.start(), logFile);
  }

  private static Path locustExecutable() {
    if (!Files.isExecutable(DEBIAN_LOCUST)) {
      throw new AssertionError(
          "Python Locust 2.12.1 is required for this interop test but "
              + DEBIAN_LOCUST
              + " is missing: run `apt-get install python3-locust` (.ci/run does this).");
    }
    return DEBIAN_LOCUST;
  }

  /** The operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits up to {@code timeout} for the process to exit and returns its exit code.
   *
   * @throws AssertionError if it is still running at the deadline (the message quotes the log)
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("locust still running after " + timeout + "\n" + log());
    }
    return process.exitValue();
  }

  /** Everything the process printed so far. */
  public String log() {
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
