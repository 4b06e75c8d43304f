package io.hatchery.bench.worker;

import io.hatchery.Environment;
import io.hatchery.User;
import io.hatchery.stats.EntryReport;
import io.hatchery.stats.StatsRecorder;
import io.hatchery.stats.StatsReport;
import io.hatchery.worker.engine.ScenarioEngine;
import io.hatchery.worker.engine.UserClasses;
import io.hatchery.worker.engine.UserGroup;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the real worker engine standalone (no master) for a bounded time and prints what it cost:
 * the benchmark main behind {@code bench/scripts/worker-bench.sh}. Users are started through {@link
 * UserGroup#applyTargets} as a master's spawn would, paced at {@code --spawn-rate}; requests are
 * counted from the engine's {@link StatsRecorder}; CPU, RSS and threads are this process's own.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.hatchery.bench.worker.WorkerBench \
 *     --scenario saturate --host http://127.0.0.1:18080 --users 50 --warmup-seconds 8 --measure-seconds 10
 * java ... WorkerBench --scenario paced --users 10000 --spawn-rate 10000 ...
 * java -Xms512m -Xmx512m ... WorkerBench --scenario idle --users 1000,25000,50000,100000
 * java -Xms512m -Xmx512m ... WorkerBench --scenario idle-connected --users 1000,10000
 * }</pre>
 *
 * <p>Output: one {@code key=value} line per measurement, prefixed {@code RESULT}, for the script to
 * parse. Every run ends by itself: a watchdog exits the JVM after {@code --max-seconds}.
 */
public final class WorkerBench {

  private WorkerBench() {}

  /** Runs one scenario; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    String scenario = options.getOrDefault("scenario", "saturate");
    long maxSeconds = Long.parseLong(options.getOrDefault("max-seconds", "300"));
    Thread.ofPlatform()
        .daemon()
        .name("watchdog")
        .start(
            () -> {
              try {
                Thread.sleep(Duration.ofSeconds(maxSeconds));
              } catch (InterruptedException e) {
                return;
              }
              System.err.println("watchdog: still running after " + maxSeconds + " s, exiting");
              Runtime.getRuntime().halt(3);
            });
    Class<? extends User> type =
        switch (scenario) {
          case "saturate" -> SaturatingUser.class;
          case "paced" -> PacedUser.class;
          case "idle" -> IdleUser.class;
          case "idle-connected" -> ConnectedIdleUser.class;
          default -> throw new IllegalArgumentException("unknown --scenario " + scenario);
        };
    Environment environment =
        Environment.builder()
            .host(options.getOrDefault("host", "http://127.0.0.1:18080"))
            .parsedOptions(Map.of(BenchOptions.PATH, options.getOrDefault("path", "/index.html")))
            .build();
    InstantSource clock = InstantSource.system();
    ScenarioEngine engine =
        new ScenarioEngine(
            environment, UserClasses.of(List.of(type)), new StatsRecorder(clock), clock, 42);
    engine.bind(new StandaloneRunner(engine.users()), Throwable::printStackTrace);
    engine.fireInit();
    engine.fireTestStart();
    BenchRun run = new BenchRun(engine, type.getSimpleName(), options);
    try {
      if (type == IdleUser.class || type == ConnectedIdleUser.class) {
        run.idleSteps();
      } else {
        run.load();
      }
    } finally {
      engine.userGroup().stopAll(Duration.ZERO);
      engine.fireTestStop();
      engine.fireQuitting();
    }
    System.exit(0);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** One measured run of an engine. */
  private static final class BenchRun {
    private final ScenarioEngine engine;
    private final String className;
    private final Map<String, String> options;
    private final double spawnRate;

    BenchRun(ScenarioEngine engine, String className, Map<String, String> options) {
      this.engine = engine;
      this.className = className;
      this.options = options;
      this.spawnRate = Double.parseDouble(options.getOrDefault("spawn-rate", "0"));
    }

    /** S1/S2: warm up, then count requests and CPU over the window. */
    void load() throws InterruptedException {
      int users = Integer.parseInt(options.getOrDefault("users", "50"));
      double warmup = Double.parseDouble(options.getOrDefault("warmup-seconds", "8"));
      double measure = Double.parseDouble(options.getOrDefault("measure-seconds", "10"));
      long started = System.nanoTime();
      spawn(0, users);
      sleepSeconds(warmup - (System.nanoTime() - started) / 1e9);
      engine.stats().snapshot();
      ProcessSample before = ProcessSample.now();
      long t0 = System.nanoTime();
      sleepSeconds(measure);
      StatsReport report = engine.stats().snapshot();
      long t1 = System.nanoTime();
      ProcessSample after = ProcessSample.now();
      EntryReport total = report.total();
      double seconds = (t1 - t0) / 1e9;
      long requests = total.numRequests();
      double cpuNanos = after.cpuNanos() - before.cpuNanos();
      System.out.println(
          String.format(
              Locale.ROOT,
              "RESULT scenario=%s users=%d alive=%d window_s=%.3f requests=%d failures=%d"
                  + " rps=%.1f cpu_cores=%.3f cpu_us_per_req=%.2f avg_ms=%.3f rss_kib=%d"
                  + " threads=%d gc_count=%d gc_ms=%d",
              className,
              users,
              engine.userGroup().aliveCount(),
              seconds,
              requests,
              total.numFailures(),
              requests / seconds,
              cpuNanos / 1e9 / seconds,
              requests == 0 ? 0.0 : cpuNanos / 1e3 / requests,
              requests == 0 ? 0.0 : total.totalResponseTimeMillis() / requests,
              after.rssKib(),
              after.threads(),
              after.gcCount() - before.gcCount(),
              after.gcMillis() - before.gcMillis()));
      report.errors().values().stream()
          .limit(3)
          .forEach(error -> System.out.println("ERROR " + error));
    }

    /** S3: memory after a forced GC at each user count, then the slope per user. */
    void idleSteps() throws InterruptedException {
      double settle = Double.parseDouble(options.getOrDefault("settle-seconds", "2"));
      List<long[]> points = new ArrayList<>();
      int current = 0;
      for (String step : options.getOrDefault("users", "1000,100000").split(",")) {
        int users = Integer.parseInt(step.strip());
        spawn(current, users);
        current = users;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (engine.userGroup().aliveCount() != users && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        sleepSeconds(settle);
        System.gc();
        Thread.sleep(200);
        System.gc();
        Thread.sleep(500);
        ProcessSample sample = ProcessSample.now();
        points.add(new long[] {users, sample.rssKib(), sample.heapUsedBytes()});
        System.out.println(
            String.format(
                Locale.ROOT,
                "STEP users=%d alive=%d rss_kib=%d heap_used_kib=%d threads=%d",
                users,
                engine.userGroup().aliveCount(),
                sample.rssKib(),
                sample.heapUsedBytes() / 1024,
                sample.threads()));
      }
      long[] first = points.getFirst();
      long[] last = points.getLast();
      double users = last[0] - first[0];
      System.out.println(
          String.format(
              Locale.ROOT,
              "RESULT scenario=%s from_users=%d to_users=%d rss_bytes_per_user=%.0f"
                  + " heap_bytes_per_user=%.0f rss_kib=%d",
              className,
              first[0],
              last[0],
              (last[1] - first[1]) * 1024.0 / users,
              (last[2] - first[2]) / users,
              last[1]));
    }

    /** Raises the user count from {@code from} to {@code to} at the spawn rate (0: at once). */
    private void spawn(int from, int to) throws InterruptedException {
      Duration noStopTimeout = Duration.ZERO;
      if (spawnRate <= 0) {
        engine.userGroup().applyTargets(Map.of(className, to), noStopTimeout);
        return;
      }
      long started = System.nanoTime();
      int running = from;
      while (running < to) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        int due = (int) Math.min(to, from + Math.floor(spawnRate * elapsed) + 1);
        if (due > running) {
          engine.userGroup().applyTargets(Map.of(className, due), noStopTimeout);
          running = due;
        }
        Thread.sleep(5);
      }
    }

    private static void sleepSeconds(double seconds) throws InterruptedException {
      if (seconds > 0) {
        Thread.sleep(Duration.ofNanos((long) (seconds * 1e9)));
      }
    }
  }
}
