package io.hatchery.cli;

import io.hatchery.cli.options.ConfigSources;
import io.hatchery.cli.options.Settings;
import io.hatchery.cli.options.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hatchery demo}: everything on loopback with ephemeral ports: a {@link DemoTarget}, a
 * headless master in this JVM and two worker processes (this same Java and class path, {@code
 * --worker}) running {@code examples/QuickstartUser.java} for 20 seconds; prints the tables and
 * writes the CSV files ({@code demo_*.csv}) and the HTML report ({@code demo-report.html}) once the
 * web module provides it. The workers are killed by their process handles when the demo ends.
 */
final class Demo {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
  private static final String SCENARIO = "examples/QuickstartUser.java";

  private final Invocation invocation;
  private final String runTime;
  private final List<Process> workers = new ArrayList<>();

  Demo(Invocation invocation, String runTime) {
    this.invocation = invocation;
    this.runTime = runTime;
  }

  int run() {
    Path scenario = invocation.workingDir().resolve(SCENARIO);
    if (!Files.isRegularFile(scenario)) {
      invocation
          .err()
          .println("hatchery demo: " + SCENARIO + " not found; run it from the repository root");
      return 1;
    }
    try (DemoTarget target = DemoTarget.start()) {
      Settings settings =
          new ConfigSources(invocation.homeDir(), invocation.workingDir(), java.util.Map.of())
              .resolve(
                  List.of(
                      "--master",
                      "--headless",
                      "--master-bind-host",
                      "127.0.0.1",
                      "--master-bind-port",
                      "0",
                      "--expect-workers",
                      "2",
                      "-u",
                      "20",
                      "-r",
                      "10",
                      "-t",
                      runTime,
                      "-H",
                      target.baseUrl(),
                      "-f",
                      SCENARIO,
                      "--csv",
                      "demo",
                      "--html",
                      "demo-report.html",
                      "QuickstartUser"));
      LOG.info("Demo target on {}; starting a master and two workers", target.baseUrl());
      return new MasterMode(invocation, this::startWorkers).run(settings);
    } catch (UsageException e) {
      invocation.err().println(e.getMessage());
      return e.exitCode();
    } catch (Exception e) {
      LOG.error("The demo failed: {}", e.toString(), e);
      return 1;
    } finally {
      workers.forEach(Process::destroy);
    }
  }

  private void startWorkers(int masterPort) {
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int i = 1; i <= 2; i++) {
      try {
        Path log = Files.createTempFile("hatchery-demo-worker-" + i + "-", ".log");
        Process worker =
            new ProcessBuilder(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "--worker",
                    "--master-host",
                    "127.0.0.1",
                    "--master-port",
                    Integer.toString(masterPort),
                    "-f",
                    SCENARIO)
                .directory(invocation.workingDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        workers.add(worker);
        LOG.info("Worker {} started (pid {}, log {})", i, worker.pid(), log);
      } catch (IOException e) {
        LOG.error("Could not start worker {}: {}", i, e.toString());
      }
    }
  }
}
