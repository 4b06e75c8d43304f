package io.hatchery.bench.master;

import io.hatchery.master.control.RunState;
import io.hatchery.master.runner.MasterRunner;
import io.hatchery.master.runner.StatsDataReader;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.transport.RpcEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The master control thread's cost per worker message, without transport or decode: a {@link
 * MasterRunner} with {@code workers} registered Locust 2.x workers (client_ready -1, so heartbeats
 * are answered) running one {@code MyUser} each, fed pre-decoded messages round-robin over the
 * workers. A simulated clock advances as a real fleet's would (one heartbeat per worker per second,
 * one report per worker per 3 s), and due timers run when {@link MasterRunner#nextDeadline()} is
 * reached, so snapshot publication and liveness checks are charged to the messages at their real
 * rate.
 *
 * <p>{@code heartbeat}: a Python 2.x heartbeat (state, CPU, memory). {@code report}: a 10-entry x
 * 50-bucket Python-shaped {@code stats} report ({@link SyntheticReport}, as the master harness
 * sends; the merge alone costs what {@code MergeBenchmark} measures). The report stream's master
 * checks liveness only once an hour, since its workers send no heartbeats; the liveness check is
 * charged to {@code heartbeat}. Snapshot publication is charged to both (conservative).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ControlThreadBenchmark {

  /** A master with registered, running workers that receive heartbeats. */
  @State(Scope.Thread)
  public static class Heartbeats extends SimulatedFleet {
    @Param({"1000", "10000"})
    public int workers;

    private RpcEvent.Received[] events;

    @Setup
    public void setUp() {
      start(workers, Duration.ofSeconds(1), Duration.ofSeconds(1));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("state", "running");
      data.put("current_cpu_usage", 12.5);
      data.put("current_memory_usage", 123_456_789L);
      events = new RpcEvent.Received[workers];
      for (int i = 0; i < workers; i++) {
        String id = nodeId(i);
        events[i] = new RpcEvent.Received(id, new Message(MessageType.HEARTBEAT, data, id));
      }
    }

    RpcEvent.Received next() {
      return events[nextWorker()];
    }
  }

  /**
   * A master with registered, running workers that send 10 x 50 reports. {@code generic}: the data
   * as generic maps, converted on the control thread (inproc, PUSH/PULL, unusual shapes); {@code
   * typed}: as the TCP ROUTER hands it over, read by {@link StatsDataReader} on the I/O thread.
   */
  @State(Scope.Thread)
  public static class Reports extends SimulatedFleet {
    @Param({"1000", "10000"})
    public int workers;

    @Param({"generic", "typed"})
    public String decoding;

    private long reportSecond = -1;
    private Message message;

    @Setup
    public void setUp() {
      start(workers, Duration.ofSeconds(3), Duration.ofHours(1));
    }

    RpcEvent.Received next() {
      int worker = nextWorker();
      long second = clock.millis() / 1000;
      if (second != reportSecond) {
        // Requests of the last three seconds, as a live worker reports them.
        reportSecond = second;
        message = new Message(MessageType.STATS, SyntheticReport.of(10, 50, second).data(), null);
        if (decoding.equals("typed")) {
          message = StatsReads.typed(MessageCodec.encode(message));
        }
      }
      String id = nodeId(worker);
      return new RpcEvent.Received(id, new Message(MessageType.STATS, message.data(), id));
    }
  }

  @Benchmark
  public RunState heartbeat(Heartbeats fleet) {
    return fleet.handle(fleet.next());
  }

  @Benchmark
  public RunState report(Reports fleet) {
    return fleet.handle(fleet.next());
  }
}
