package io.hatchery.bench.master;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.hatchery.master.control.RunState;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.master.runner.MasterRunner;
import io.hatchery.master.runner.MasterSettings;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.RpcServer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * A {@link MasterRunner} on a simulated clock and a transport that discards what the master sends,
 * with {@code workers} Locust 2.x workers registered and running one user each. {@link #handle}
 * gives the runner one message the way {@code Master}'s control loop does, after moving the clock
 * by one message's share of the fleet's period, and runs the timers when they are due. Every {@link
 * #RUN_LENGTH} of simulated time the statistics are reset.
 *
 * <p>Not thread-safe: one benchmark thread.
 */
class SimulatedFleet {
  /**
   * How long a simulated run lasts before its statistics are reset (Locust's reset_stats). The
   * per-second request counts grow with the run, and so does the stats copy each snapshot makes:
   * without a reset, the cost per report would depend on how long JMH runs (bench/README.md §4).
   */
  static final Duration RUN_LENGTH = Duration.ofMinutes(10);

  /** The clock: starts at a whole second, moved only by {@link #handle}. */
  final SimulatedClock clock = new SimulatedClock(1_700_000_000_000_000_000L);

  private MasterRunner runner;
  private String[] nodeIds;
  private long nanosPerMessage;
  private int next;
  private Instant nextDeadline;
  private long resetAtMillis;

  /**
   * Registers {@code workers} workers, starts one user on each and waits until the run is {@code
   * running}.
   *
   * @param period how often each worker sends the benchmarked message (sets the clock's pace)
   * @param heartbeatInterval the master's liveness check period
   */
  void start(int workers, Duration period, Duration heartbeatInterval) {
    Logger master = (Logger) LoggerFactory.getLogger("io.hatchery.master");
    master.setLevel(Level.WARN); // 2 x workers INFO lines while registering and spawning
    MasterSettings settings =
        MasterSettings.defaults(List.of(UserClassSpec.weighted(SyntheticReport.USER_CLASS, 1)))
            .withHeartbeatInterval(heartbeatInterval)
            .withLimits(workers, 1_024);
    runner = new MasterRunner(new DiscardingServer(), clock, settings);
    nodeIds = new String[workers];
    for (int i = 0; i < workers; i++) {
      nodeIds[i] = String.format("worker-%05d_0123456789abcdef0123456789abcdef", i);
      runner.handle(received(nodeIds[i], MessageType.CLIENT_READY, -1L));
    }
    runner.start(SwarmRequest.of(workers, workers));
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("user_classes_count", Map.of(SyntheticReport.USER_CLASS, 1L));
    done.put("user_count", 1L);
    for (String id : nodeIds) {
      runner.handle(received(id, MessageType.SPAWNING, null));
      runner.handle(received(id, MessageType.SPAWNING_COMPLETE, done));
    }
    clock.advanceNanos(1_000_000_000L);
    runner.runDue();
    if (runner.state() != RunState.RUNNING) {
      throw new IllegalStateException("The run is " + runner.state() + ", not running");
    }
    master.setLevel(Level.INFO);
    nanosPerMessage = period.toNanos() / workers;
    nextDeadline = runner.nextDeadline();
    resetAtMillis = clock.millis() + RUN_LENGTH.toMillis();
  }

  /** The index of the worker whose turn it is (round-robin). */
  int nextWorker() {
    int worker = next;
    next = next + 1 == nodeIds.length ? 0 : next + 1;
    return worker;
  }

  String nodeId(int worker) {
    return nodeIds[worker];
  }

  /** Moves the clock by one message's share, handles {@code event}, then runs due timers. */
  RunState handle(RpcEvent event) {
    clock.advanceNanos(nanosPerMessage);
    runner.handle(event);
    if (!clock.instant().isBefore(nextDeadline)) {
      runner.runDue();
      nextDeadline = runner.nextDeadline();
    }
    if (clock.millis() >= resetAtMillis) {
      runner.resetStats();
      resetAtMillis += RUN_LENGTH.toMillis();
    }
    return runner.state();
  }

  private static RpcEvent received(String id, String type, Object data) {
    return new RpcEvent.Received(id, new Message(type, data, id));
  }

  /** An {@link InstantSource} moved by hand, in nanoseconds since the epoch. */
  static final class SimulatedClock implements InstantSource {
    private long epochNanos;

    SimulatedClock(long epochNanos) {
      this.epochNanos = epochNanos;
    }

    void advanceNanos(long nanos) {
      epochNanos += nanos;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(0, epochNanos);
    }

    @Override
    public long millis() {
      return epochNanos / 1_000_000;
    }
  }

  /** The master's transport, minus the transport: sends succeed and vanish; nothing arrives. */
  private static final class DiscardingServer implements RpcServer {
    @Override
    public boolean send(String nodeId, Message message) {
      return true;
    }

    @Override
    public RpcEvent receive(Duration timeout) {
      return null;
    }

    @Override
    public void wakeReceiver() {}

    @Override
    public void close() {}
  }
}
