package io.hatchery.it.boomer;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.payload.WorkerState;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A scripted worker that behaves like current Boomer (G2, protocol.md §7.1) on the wire, with real
 * users behind its statistics: raw JeroMQ DEALER with identity {@code <hostname>_<32 hex>},
 * everything encoded by {@link BoomerEncoder}.
 *
 * <p>It sends {@code client_ready} int -1 (again after each {@code stop}, no retry), a {@code
 * heartbeat} every second with {@code state}, {@code current_cpu_usage} (float64) and {@code
 * current_memory_usage} (integer bytes), and {@code stats} every 3 s only while spawning or
 * running, with {@code user_count} and the {@code user_classes_count} it last received echoed back.
 * On {@code spawn} it sums the class counts (names are ignored), answers {@code spawning} and
 * {@code spawning_complete {count, user_classes_count}}; on {@code stop} it stops its users and
 * sends {@code client_stopped} then {@code client_ready}; on {@code quit} it stops and sends {@code
 * quit}. It drops every message whose payload {@code node_id} is not its own (counted in {@link
 * #foreignMessagesDropped()}). Like Boomer, it loses what it recorded after its last report when
 * stopped; a request budget lets a test finish the load first.
 *
 * <p>Threads: one I/O thread owns the socket; heartbeat and report timers hand it frames through a
 * queue. Public methods are thread-safe. Close it to stop everything.
 */
public final class BoomerQuirksWorker implements AutoCloseable {
  private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
  private static final Duration REPORT_INTERVAL = Duration.ofSeconds(3);
  private static final int POLL_MILLIS = 20;
  private static final int HANDSHAKE_MILLIS = 2_000;

  private final String nodeId;
  private final BoomerEncoder encoder;
  private final BoomerStats stats = new BoomerStats(InstantSource.system());
  private final BoomerUsers users;
  private final ConcurrentLinkedQueue<byte[]> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicInteger foreignDropped = new AtomicInteger();
  private final AtomicInteger framesSent = new AtomicInteger();
  private volatile Throwable ioFailure;
  private final ZContext context = new ZContext();
  private final Thread io;
  private final Thread timers;
  private volatile WorkerState state = WorkerState.READY;
  private volatile Map<Object, Object> userClassesCountFromMaster;
  private volatile boolean closed;

  private BoomerQuirksWorker(
      String masterHost, int masterPort, String targetBaseUrl, long requestBudget, long seed) {
    this.nodeId = hostname() + "_" + UUID.randomUUID().toString().replace("-", "");
    this.encoder = new BoomerEncoder(seed);
    this.users = new BoomerUsers(targetBaseUrl, stats, requestBudget);
    ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
    dealer.setIdentity(nodeId.getBytes(StandardCharsets.UTF_8));
    dealer.setLinger(1_000);
    // JeroMQ 0.6.0 sometimes never starts the handshake of a connection whose connect() completed
    // at once; only the handshake timer (default 30 s) heals it. Keep it short, as our transport
    // does (protocol's Sockets). Boomer itself uses gomq and has no such problem.
    dealer.setHandshakeIvl(HANDSHAKE_MILLIS);
    dealer.connect("tcp://" + masterHost + ":" + masterPort);
    this.io = Thread.ofPlatform().name("boomer-io").daemon().unstarted(() -> ioLoop(dealer));
    this.timers = Thread.ofPlatform().name("boomer-timers").daemon().unstarted(this::timerLoop);
  }

  /**
   * Connects to the master and sends {@code client_ready}; users will request {@code
   * targetBaseUrl}, at most {@code requestBudget} requests in all.
   *
   * @param seed seeds the map-order shuffle of the encoder
   */
  public static BoomerQuirksWorker start(
      String masterHost, int masterPort, String targetBaseUrl, long requestBudget, long seed) {
    return new BoomerQuirksWorker(masterHost, masterPort, targetBaseUrl, requestBudget, seed)
        .started();
  }

  private BoomerQuirksWorker started() {
    send(MessageType.CLIENT_READY, -1L);
    io.start();
    timers.start();
    return this;
  }

  /** This worker's node id (and ZeroMQ identity). */
  public String nodeId() {
    return nodeId;
  }

  /** Its state as its heartbeats report it. */
  public WorkerState state() {
    return state;
  }

  /** Messages from the master that carried another node id and were dropped. */
  public int foreignMessagesDropped() {
    return foreignDropped.get();
  }

  /** For failure messages: state, frames handed to ZeroMQ, whether the I/O thread is alive. */
  public String describe() {
    return "Boomer peer "
        + nodeId
        + " state="
        + state
        + " framesSent="
        + framesSent.get()
        + " queued="
        + outbox.size()
        + " ioAlive="
        + io.isAlive()
        + (ioFailure == null ? "" : " ioFailure=" + ioFailure);
  }

  private void ioLoop(ZMQ.Socket dealer) {
    try {
      pump(dealer);
    } catch (RuntimeException | Error e) {
      ioFailure = e;
      throw e;
    }
  }

  private void pump(ZMQ.Socket dealer) {
    try (ZMQ.Poller poller = context.createPoller(1)) {
      poller.register(dealer, ZMQ.Poller.POLLIN);
      while (!closed || !outbox.isEmpty()) {
        for (byte[] frame = outbox.poll(); frame != null; frame = outbox.poll()) {
          dealer.send(frame, 0);
          framesSent.incrementAndGet();
        }
        if (closed) {
          break;
        }
        poller.poll(POLL_MILLIS);
        for (byte[] frame = dealer.recv(ZMQ.DONTWAIT); frame != null; ) {
          onFrame(frame);
          frame = dealer.recv(ZMQ.DONTWAIT);
        }
      }
    }
  }

  private void onFrame(byte[] frame) {
    Message message;
    try {
      message = MessageCodec.decode(frame);
    } catch (ProtocolException e) {
      return;
    }
    if (!nodeId.equals(message.nodeId())) {
      foreignDropped.incrementAndGet();
      return;
    }
    try {
      onMessage(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onMessage(Message message) throws InterruptedException {
    switch (message.type()) {
      case MessageType.SPAWN -> onSpawn(message.data());
      case MessageType.STOP -> onStop();
      case MessageType.QUIT -> onQuit();
      default -> {
        // ack, master heartbeat and custom messages change nothing a test looks at.
      }
    }
  }

  private void onSpawn(Object data) throws InterruptedException {
    if (!(data instanceof Map<?, ?> map)
        || !(map.get(PayloadKeys.USER_CLASSES_COUNT) instanceof Map<?, ?> counts)) {
      return;
    }
    if (state == WorkerState.READY || state == WorkerState.STOPPED) {
      stats.clearAll();
    }
    state = WorkerState.SPAWNING;
    send(MessageType.SPAWNING, null);
    userClassesCountFromMaster = new HashMap<>(counts);
    long sum = 0;
    for (Object count : counts.values()) {
      sum += ((Number) count).longValue();
    }
    users.adjustTo((int) sum);
    Map<String, Object> complete = new HashMap<>();
    complete.put(PayloadKeys.COUNT, (long) users.count());
    complete.put(PayloadKeys.USER_CLASSES_COUNT, userClassesCountFromMaster);
    send(MessageType.SPAWNING_COMPLETE, complete);
    state = WorkerState.RUNNING;
  }

  private void onStop() throws InterruptedException {
    if (state != WorkerState.SPAWNING && state != WorkerState.RUNNING) {
      return;
    }
    users.adjustTo(0);
    state = WorkerState.STOPPED;
    send(MessageType.CLIENT_STOPPED, null);
    send(MessageType.CLIENT_READY, -1L);
    state = WorkerState.READY;
  }

  private void onQuit() throws InterruptedException {
    users.adjustTo(0);
    state = WorkerState.READY;
    send(MessageType.QUIT, null);
  }

  private void timerLoop() {
    long ticks = 0;
    long ticksPerReport = REPORT_INTERVAL.dividedBy(HEARTBEAT_INTERVAL);
    while (!closed) {
      try {
        Thread.sleep(HEARTBEAT_INTERVAL);
      } catch (InterruptedException e) {
        return;
      }
      heartbeat();
      if (++ticks % ticksPerReport == 0) {
        report();
      }
    }
  }

  private void heartbeat() {
    Map<String, Object> data = new HashMap<>();
    data.put(PayloadKeys.STATE, state.wire());
    data.put(PayloadKeys.CURRENT_CPU_USAGE, cpuPercent());
    Runtime runtime = Runtime.getRuntime();
    data.put(PayloadKeys.CURRENT_MEMORY_USAGE, runtime.totalMemory() - runtime.freeMemory());
    send(MessageType.HEARTBEAT, data);
  }

  private void report() {
    Map<String, Object> data = stats.collectReportData();
    WorkerState now = state;
    if (now != WorkerState.SPAWNING && now != WorkerState.RUNNING) {
      return;
    }
    data.put(PayloadKeys.USER_COUNT, (long) users.count());
    data.put(PayloadKeys.USER_CLASSES_COUNT, userClassesCountFromMaster);
    send(MessageType.STATS, data);
  }

  private void send(String type, Object data) {
    byte[] frame;
    synchronized (encoder) {
      frame = encoder.encode(type, data, nodeId);
    }
    outbox.add(frame);
  }

  private static double cpuPercent() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
      return Math.max(0, bean.getProcessCpuLoad()) * 100;
    }
    return 0.0;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** Stops the users and timers, flushes queued frames (up to 1 s) and closes the socket. */
  @Override
  public void close() throws InterruptedException {
    users.adjustTo(0);
    closed = true;
    timers.interrupt();
    timers.join(Duration.ofSeconds(5));
    io.join(Duration.ofSeconds(5));
    context.close();
  }
}
