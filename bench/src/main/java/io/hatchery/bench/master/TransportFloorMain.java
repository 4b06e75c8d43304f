package io.hatchery.bench.master;

import io.hatchery.master.runner.Master;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.transport.IoThreadConsumer;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.ZmqRpcServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The floor under the Hatchery master's cost: the master's transport alone, in a process of its own
 * like {@link HatcheryMasterMain}. The same TCP ROUTER, on its I/O thread, reads, parses and
 * decodes every message exactly as the master's does ({@code stats} through {@code
 * StatsDataReader}), and then drops it: no registry, no merge, no snapshots. What the master costs
 * above this row is its own handling of the messages; this row is the kernel's I/O, NIO, ZMTP and
 * decoding. It batches its reads as the master does ({@link Master#READ_BATCHING_DELAY}).
 *
 * <p>It acknowledges each {@code client_ready} with its index, sends every worker a {@code spawn}
 * (only {@code user_classes_count}, all the harness reads) once all {@code workers} are ready, and
 * exits {@code runTimeSeconds} after that. It prints no total: nothing is merged.
 *
 * <p>Arguments: {@code <port> <workers> <runTimeSeconds>}.
 */
public final class TransportFloorMain {
  private TransportFloorMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int workers = Integer.parseInt(args[1]);
    Duration runTime = Duration.ofSeconds(Long.parseLong(args[2]));
    try (ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", port, StatsReads.READERS)) {
      Floor floor = new Floor(server, workers, runTime);
      server.attach(floor);
      floor.stopped.await();
    }
  }

  /** Runs on the server's I/O thread; see {@link IoThreadConsumer}. */
  private static final class Floor implements IoThreadConsumer {
    private final ZmqRpcServer server;
    private final int workers;
    private final long runNanos;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private long spawnedAtNanos;
    private boolean finished;

    Floor(ZmqRpcServer server, int workers, Duration runTime) {
      this.server = server;
      this.workers = workers;
      this.runNanos = runTime.toNanos();
    }

    @Override
    public void onEvent(RpcEvent event) {
      if (!(event instanceof RpcEvent.Received received)
          || !received.message().type().equals(MessageType.CLIENT_READY)) {
        return; // decoded by the transport, and dropped
      }
      String nodeId = received.nodeId();
      int index = indexes.computeIfAbsent(nodeId, id -> indexes.size());
      server.send(nodeId, new Message(MessageType.ACK, Map.of("index", (long) index), null));
      if (spawnedAtNanos == 0 && indexes.size() == workers) {
        Map<String, Object> spawn =
            Map.of(PayloadKeys.USER_CLASSES_COUNT, Map.of(SyntheticReport.USER_CLASS, 1L));
        indexes
            .keySet()
            .forEach(id -> server.send(id, new Message(MessageType.SPAWN, spawn, null)));
        spawnedAtNanos = System.nanoTime();
      }
    }

    @Override
    public long afterStep() {
      if (spawnedAtNanos == 0) {
        return Long.MAX_VALUE;
      }
      long left = spawnedAtNanos + runNanos - System.nanoTime();
      finished = left <= 0;
      return left;
    }

    /** As the master's ROUTER batches its reads. */
    @Override
    public long batchingDelayNanos() {
      return Master.READ_BATCHING_DELAY.toNanos();
    }

    @Override
    public boolean finished() {
      return finished;
    }

    @Override
    public void stopped(Throwable failure) {
      if (failure != null) {
        failure.printStackTrace();
      }
      stopped.countDown();
    }
  }
}
