package io.hatchery.bench.master;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A master under test in a process of its own: a Hatchery master ({@link HatcheryMasterMain}) or
 * Debian's Locust 2.12.1 ({@code locust --master --headless}), both bound on {@code 127.0.0.1},
 * headless with {@code --expect-workers N -u N -r N -t T}. Reads its CPU time and RSS from {@code
 * /proc} and, once it exited, the total request count it merged. Closing kills it by PID.
 */
final class MasterProcess implements AutoCloseable {
  private static final String LOCUSTFILE =
      """
      from locust import User, constant, task

      class MyUser(User):
          wait_time = constant(1)

          @task
          def idle(self):
              pass
      """;
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /**
   * System property with extra JVM arguments for the Hatchery master, split at whitespace (e.g.
   * {@code -Dhatchery.bench.masterJvmArgs="-XX:StartFlightRecording=filename=/tmp/m.jfr"}).
   */
  static final String JVM_ARGS_PROPERTY = "hatchery.bench.masterJvmArgs";

  private final String kind;
  private final Process process;
  private final Path directory;
  private final Path log;
  private final int port;

  private MasterProcess(String kind, Process process, Path directory, Path log, int port) {
    this.kind = kind;
    this.process = process;
    this.directory = directory;
    this.log = log;
    this.port = port;
  }

  /** Starts {@code kind} ({@code hatchery} or {@code locust}) and waits until its port accepts. */
  static MasterProcess start(String kind, int workers, Duration runTime) throws Exception {
    int port = freePort();
    Path directory = Files.createTempDirectory("master-bench-");
    Path log = directory.resolve("master.log");
    List<String> command =
        switch (kind) {
          case "hatchery", "floor" -> {
            List<String> java = new ArrayList<>();
            java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            java.add("--enable-native-access=ALL-UNNAMED"); // the epoll transport (JDK 22+)
            String jvmArgs = System.getProperty(JVM_ARGS_PROPERTY, "").trim();
            if (!jvmArgs.isEmpty()) {
              java.addAll(List.of(jvmArgs.split("\\s+")));
            }
            java.addAll(
                List.of(
                    "-cp",
                    absoluteClassPath(),
                    (kind.equals("floor") ? TransportFloorMain.class : HatcheryMasterMain.class)
                        .getName(),
                    Integer.toString(port),
                    Integer.toString(workers),
                    Long.toString(runTime.toSeconds())));
            yield java;
          }
          case "locust" -> {
            Files.writeString(directory.resolve("locustfile.py"), LOCUSTFILE);
            yield List.of(
                "/usr/bin/locust",
                "-f",
                "locustfile.py",
                "--master",
                "--headless",
                "--master-bind-host",
                "127.0.0.1",
                "--master-bind-port",
                Integer.toString(port),
                "--expect-workers",
                Integer.toString(workers),
                "-u",
                Integer.toString(workers),
                "-r",
                Integer.toString(workers),
                "-t",
                runTime.toSeconds() + "s",
                "--csv",
                "out",
                "--only-summary");
          }
          default -> throw new IllegalArgumentException("master must be hatchery, floor or locust");
        };
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PYTHONUNBUFFERED", "1");
    MasterProcess master = new MasterProcess(kind, builder.start(), directory, log, port);
    master.awaitPort(Duration.ofSeconds(60));
    return master;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** User plus system CPU time of the process so far. */
  Duration cpuTime() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // After the command name: state is field 3, utime field 14, stime field 15.
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
  }

  /** Resident set size in bytes. */
  long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  /** Waits for the run to end and returns the merged request total it reported. */
  OptionalLong awaitTotal(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return OptionalLong.empty();
    }
    if (kind.equals("floor")) {
      return OptionalLong.empty(); // merges nothing
    }
    if (kind.equals("hatchery")) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.startsWith(HatcheryMasterMain.TOTAL_PREFIX)) {
          return OptionalLong.of(
              Long.parseLong(line.substring(HatcheryMasterMain.TOTAL_PREFIX.length()).trim()));
        }
      }
      return OptionalLong.empty();
    }
    for (String line : Files.readAllLines(directory.resolve("out_stats.csv"))) {
      String[] cells = line.split(",");
      if (cells.length > 2 && cells[1].replace("\"", "").equals("Aggregated")) {
        return OptionalLong.of(Long.parseLong(cells[2].replace("\"", "")));
      }
    }
    return OptionalLong.empty();
  }

  /** The log, for failures. */
  Path log() {
    return log;
  }

  private void awaitPort(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(kind + " master exited: " + Files.readString(log));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(kind + " master did not bind within " + timeout);
  }

  /** The harness's class path with absolute entries (the master runs in a temporary directory). */
  private static String absoluteClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Kills the process by PID at once (shutdown hook of an interrupted benchmark). */
  void kill() {
    process.destroyForcibly();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
