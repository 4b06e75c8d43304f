package io.hatchery.worker.runtime;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.AckPayload;
import io.hatchery.protocol.payload.SpawnPayload;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.testkit.InMemoryRpc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A {@link WorkerRunner} on an {@link InMemoryRpc} link with a {@link ManualClock}, driven the way
 * {@link WorkerRuntime}'s loop drives it but step by step, so tests need no threads and no sleeps.
 * Users are stopped by a manual executor: {@link #finishStopping()} lets them end.
 */
final class RunnerFixture {
  static final String NODE_ID = "testhost_0123456789abcdef0123456789abcdef";
  static final double CPU_PERCENT = 12.5;
  static final long MEMORY_BYTES = 64L * 1024 * 1024;

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T03:00:00Z"));
  final InMemoryRpc rpc = new InMemoryRpc();
  final InMemoryRpc.Client client = rpc.connect(NODE_ID);
  final FakeScenarioBridge bridge = new FakeScenarioBridge(clock);
  final Queue<Runnable> stopJobs = new ArrayDeque<>();
  final List<Message> received = new ArrayList<>();
  final WorkerRunner runner;
  private double spawnTimestamp = 1_800_000_000.0;

  RunnerFixture() {
    this(WorkerSettings.defaults("127.0.0.1", 5557));
  }

  RunnerFixture(WorkerSettings settings) {
    ResourceUsage resources =
        new ResourceUsage() {
          @Override
          public double cpuPercentSinceLastCall() {
            return CPU_PERCENT;
          }

          @Override
          public long memoryBytes() {
            return MEMORY_BYTES;
          }
        };
    runner = new WorkerRunner(client, bridge, settings, clock, resources, stopJobs::add);
  }

  /** Starts the runner and acknowledges its client_ready with index 4. */
  RunnerFixture startRegistered() throws Exception {
    runner.start();
    fromMaster(MessageType.ACK, new AckPayload(4L).toData());
    return this;
  }

  /** The master sends a message; the runner receives it through the codec and handles it. */
  void fromMaster(String type, Object data) throws Exception {
    rpc.server().send(NODE_ID, new Message(type, data, NODE_ID));
    pump();
  }

  /** Delivers what the master sent, then runs pending commands and due timers. */
  void pump() throws Exception {
    while (true) {
      Message message;
      try {
        message = client.receive(Duration.ZERO);
      } catch (ProtocolException e) {
        runner.onMalformed(e);
        continue;
      }
      if (message == null) {
        break;
      }
      runner.onMessage(message);
    }
    runner.runPending();
    runner.onTimers();
  }

  /** Moves the clock and lets the runner's timers fire. */
  void advance(Duration duration) throws Exception {
    clock.advance(duration);
    pump();
  }

  /** Advances one second at a time, as the real loop would wake up at least that often. */
  void advanceInSteps(Duration total) throws Exception {
    for (long s = 0; s < total.toSeconds(); s++) {
      advance(Duration.ofSeconds(1));
    }
  }

  /** Lets every pending stop job run (users end), then handles their completion. */
  void finishStopping() throws Exception {
    while (!stopJobs.isEmpty()) {
      stopJobs.poll().run();
    }
    pump();
  }

  /** A spawn with a fresh, increasing timestamp. */
  void spawn(Map<String, Long> counts) throws Exception {
    spawnTimestamp += 1.0;
    spawnAt(spawnTimestamp, counts, null, null);
  }

  void spawnAt(double timestamp, Map<String, Long> counts, String host, Number stopTimeout)
      throws Exception {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("num_users", 10L);
    fromMaster(
        MessageType.SPAWN,
        new SpawnPayload(timestamp, counts, host, stopTimeout, options).toData());
  }

  /** Everything the worker sent since the previous call, decoded as the master sees it. */
  List<Message> sent() throws Exception {
    List<Message> messages = new ArrayList<>();
    RpcEvent event;
    while ((event = rpc.server().receive(Duration.ZERO)) != null) {
      if (event instanceof RpcEvent.Received(String nodeId, Message message)) {
        messages.add(message);
      }
    }
    received.addAll(messages);
    return messages;
  }

  /** The types of {@link #sent()}. */
  List<String> sentTypes() throws Exception {
    return sent().stream().map(Message::type).toList();
  }

  /** The messages of one type among {@link #sent()}. */
  List<Message> sent(String type) throws Exception {
    return sent().stream().filter(m -> m.type().equals(type)).toList();
  }
}
