package io.hatchery.worker.runtime;

import io.hatchery.Runner;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.transport.RpcClient;
import io.hatchery.protocol.transport.ZmqRpcClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's control loop: one platform thread, {@code hatchery-worker-control}, that owns
 * a {@link WorkerRunner} and feeds it the master's messages, the commands of other threads and its
 * timers, until the runner has an exit status. The same loop serves a distributed worker ({@link
 * ZmqRpcClient}) and the worker half of standalone mode ({@code InprocRpc}).
 *
 * <pre>{@code
 * int exitCode = WorkerRuntime.run(WorkerSettings.defaults("127.0.0.1", 5557), bridge);
 *
 * try (WorkerRuntime worker = WorkerRuntime.create(inprocClient, bridge, settings).start()) {
 *   ...
 *   int exitCode = worker.awaitExit();
 * }
 * }</pre>
 *
 * <p>Exit statuses: {@link #EXIT_OK} after a master's {@code quit} or {@link Runner#quit()}, {@link
 * #EXIT_NO_MASTER} when no master answered (Locust's worker exits the same way when {@code
 * connect_to_master} gives up), {@link #EXIT_FAILURE} if the transport died. It never calls {@link
 * System#exit}. Thread-safety: {@link #start}, {@link #awaitExit} and {@link #close} may be called
 * from any thread.
 */
public final class WorkerRuntime implements AutoCloseable {
  /** The run ended normally. */
  public static final int EXIT_OK = 0;

  /** The transport failed under the worker (a bug, logged with its cause). */
  public static final int EXIT_FAILURE = 1;

  /** No master: registration was never acknowledged, or the master stayed silent too long. */
  public static final int EXIT_NO_MASTER = 255;

  private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

  /** Longest wait in one receive, so commands from other threads are handled promptly. */
  private static final Duration POLL_SLICE = Duration.ofMillis(50);

  private final RpcClient rpc;
  private final WorkerRunner runner;
  private final InstantSource clock;
  private final boolean ownsRpc;
  private final Thread thread;
  private volatile int exitCode = -1;

  private WorkerRuntime(RpcClient rpc, WorkerRunner runner, InstantSource clock, boolean ownsRpc) {
    this.rpc = rpc;
    this.runner = runner;
    this.clock = clock;
    this.ownsRpc = ownsRpc;
    this.thread = Thread.ofPlatform().name("hatchery-worker-control").unstarted(this::loop);
  }

  /**
   * Creates a worker on {@code rpc} (not started) with the system clock, this process's resource
   * usage, and users stopped on virtual threads. The caller keeps ownership of {@code rpc}.
   */
  public static WorkerRuntime create(
      RpcClient rpc, ScenarioBridge bridge, WorkerSettings settings) {
    return create(rpc, bridge, settings, false);
  }

  private static WorkerRuntime create(
      RpcClient rpc, ScenarioBridge bridge, WorkerSettings settings, boolean ownsRpc) {
    Executor stopper = task -> Thread.ofVirtual().name("hatchery-worker-stop").start(task);
    InstantSource clock = InstantSource.system();
    WorkerRunner runner =
        new WorkerRunner(rpc, bridge, settings, clock, new ProcessResourceUsage(), stopper);
    return new WorkerRuntime(rpc, runner, clock, ownsRpc);
  }

  /**
   * Connects to the master named in {@code settings} over ZeroMQ, runs until the worker exits, and
   * returns its exit status; what {@code hatchery --worker} does.
   *
   * @throws IOException if the transport could not be set up (e.g. the host does not resolve)
   */
  public static int run(WorkerSettings settings, ScenarioBridge bridge)
      throws IOException, InterruptedException {
    RpcClient rpc =
        ZmqRpcClient.connect(
            settings.masterHost(), settings.masterPort(), settings.nodeIdOrGenerated());
    try (WorkerRuntime runtime = create(rpc, bridge, settings, true)) {
      return runtime.start().awaitExit();
    }
  }

  /** The runner scenarios see ({@code environment.runner}). */
  public Runner runner() {
    return runner;
  }

  /** Starts the control thread; returns this. */
  public WorkerRuntime start() {
    thread.start();
    return this;
  }

  /** Blocks until the worker has finished and returns its exit status. */
  public int awaitExit() throws InterruptedException {
    thread.join();
    return exitCode;
  }

  /** Like {@link #awaitExit()}, giving up after {@code timeout}; returns -1 if still running. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    thread.join(timeout);
    return thread.isAlive() ? -1 : exitCode;
  }

  private void loop() {
    try {
      runner.start();
      while (runner.exitCode() == null) {
        step();
      }
      exitCode = runner.exitCode();
    } catch (InterruptedException e) {
      log.info("Worker control thread interrupted; leaving without a final report");
      exitCode = EXIT_FAILURE;
    } catch (IllegalStateException e) {
      log.error("The link to the master failed", e);
      exitCode = EXIT_FAILURE;
    }
  }

  private void step() throws InterruptedException {
    runner.runPending();
    runner.onTimers();
    if (runner.exitCode() != null) {
      return;
    }
    Duration wait = waitFor(runner.nextDeadline());
    try {
      Message message = rpc.receive(wait);
      if (message != null) {
        runner.onMessage(message);
      }
    } catch (ProtocolException e) {
      runner.onMalformed(e);
    }
  }

  private Duration waitFor(Instant deadline) {
    if (deadline == null) {
      return POLL_SLICE;
    }
    Duration untilDeadline = Duration.between(clock.instant(), deadline);
    if (untilDeadline.isNegative()) {
      return Duration.ZERO;
    }
    return untilDeadline.compareTo(POLL_SLICE) < 0 ? untilDeadline : POLL_SLICE;
  }

  /**
   * Asks a running worker to quit (as {@link Runner#quit()}), waits up to 10 s for it, and closes
   * the transport if this runtime opened it. Idempotent.
   */
  @Override
  public void close() {
    if (thread.isAlive()) {
      runner.quit();
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        thread.interrupt();
      }
    }
    if (ownsRpc) {
      Objects.requireNonNull(rpc).close();
    }
  }
}
