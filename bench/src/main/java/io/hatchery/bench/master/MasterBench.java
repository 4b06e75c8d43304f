package io.hatchery.bench.master;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Runs one cell of the master aggregation benchmark (performance.md §4.5) and prints one Markdown
 * table row: N simulated workers ({@link WorkerFleet}) join a master ({@link MasterProcess}) that
 * runs a headless test of {@code T} seconds; over a window after the ramp-up it samples the
 * master's CPU time and the reports and heartbeats sent, then stops reporting 6 s before the end
 * and compares the master's final total with the requests the fleet sent.
 *
 * <p>Arguments: {@code <hatchery|floor|locust> <workers> <runTimeSeconds> [entries] [buckets]}
 * ({@code floor}: {@link TransportFloorMain}, the master's transport alone). With {@code
 * -Dhatchery.bench.reports=false} the workers send heartbeats only, which with a full run gives a
 * report's cost apart from its heartbeats'.
 */
public final class MasterBench {
  private static final Duration WARMUP = Duration.ofSeconds(6);
  private static final Duration QUIET_END = Duration.ofSeconds(6);

  /** False ({@code -Dhatchery.bench.reports=false}): the workers send heartbeats only. */
  private static final boolean REPORTS =
      Boolean.parseBoolean(System.getProperty("hatchery.bench.reports", "true"));

  private MasterBench() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int workers = Integer.parseInt(args[1]);
    Duration runTime = Duration.ofSeconds(Long.parseLong(args[2]));
    int entries = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int buckets = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    try (MasterProcess master = MasterProcess.start(kind, workers, runTime)) {
      Runtime.getRuntime().addShutdownHook(new Thread(master::kill));
      WorkerFleet fleet =
          new WorkerFleet("127.0.0.1", master.port(), workers, entries, buckets, REPORTS);
      Thread fleetThread = Thread.ofPlatform().name("worker-fleet").start(fleet);
      try {
        run(kind, workers, runTime, entries, buckets, master, fleet);
      } finally {
        fleet.close();
        fleetThread.join(10_000);
      }
    }
  }

  private static void run(
      String kind,
      int workers,
      Duration runTime,
      int entries,
      int buckets,
      MasterProcess master,
      WorkerFleet fleet)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (fleet.firstSpawnNanos() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no spawn within 10 minutes; see " + master.log());
      }
      Thread.sleep(50);
    }
    long spawnedAt = fleet.firstSpawnNanos();
    sleepUntil(spawnedAt + WARMUP.toNanos());
    long windowStart = System.nanoTime();
    Duration masterCpu0 = master.cpuTime();
    long harnessCpu0 = harnessCpuNanos();
    long reports0 = fleet.reportsSent();
    long heartbeats0 = fleet.heartbeatsSent();
    sleepUntil(spawnedAt + runTime.minus(QUIET_END).minusSeconds(1).toNanos());
    double seconds = (System.nanoTime() - windowStart) / 1e9;
    double masterCpuSeconds = master.cpuTime().minus(masterCpu0).toNanos() / 1e9;
    double harnessCpuSeconds = (harnessCpuNanos() - harnessCpu0) / 1e9;
    long reports = fleet.reportsSent() - reports0;
    long heartbeats = fleet.heartbeatsSent() - heartbeats0;
    long rss = master.rssBytes();
    sleepUntil(spawnedAt + runTime.minus(QUIET_END).toNanos());
    fleet.stopReporting();
    OptionalLong total = master.awaitTotal(runTime.plusSeconds(120));
    long sent = fleet.requestsSent();
    boolean merges = !kind.equals("floor");
    System.out.println(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %dx%d | %.0f | %.0f | %.1f %% | %s | %,d MB | %.0f %% | %,d | %s | %s |",
            REPORTS ? kind : kind + " (heartbeats only)",
            workers,
            entries,
            buckets,
            reports / seconds,
            heartbeats / seconds,
            100 * masterCpuSeconds / seconds,
            reports == 0
                ? "n/a"
                : String.format(Locale.ROOT, "%.1f", masterCpuSeconds * 1e6 / reports),
            rss / (1024 * 1024),
            100 * harnessCpuSeconds / seconds,
            sent,
            !merges
                ? "not merged"
                : total.isPresent() ? String.format(Locale.ROOT, "%,d", total.getAsLong()) : "n/a",
            !merges ? "n/a" : total.isPresent() && total.getAsLong() == sent ? "yes" : "**no**"));
  }

  private static long harnessCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      Thread.sleep(Duration.ofNanos(left));
    }
  }
}
