package io.hatchery.bench.master;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.PayloadKeys;
import io.hatchery.protocol.payload.WorkerState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated Locust 2.x workers on one NIO selector thread (performance.md §3.6/§4.5): each sends
 * {@code client_ready} (the version {@code "2.12.1"}, as a Debian Locust worker does, or -1 when
 * the system property {@code hatchery.bench.clientReady} is {@code -1}, as Hatchery and Locust
 * 2.19+ workers do; a Hatchery master answers those workers' heartbeats), a heartbeat every second
 * and, once it got its first {@code spawn}, a {@link SyntheticReport} every 3 seconds (start times
 * staggered at random); it answers {@code spawn} with {@code spawning} and {@code
 * spawning_complete} and leaves on {@code quit}.
 *
 * <p>Requests are counted only in reports sent after the worker's first spawn (a master clears its
 * statistics when the run starts, before it sends spawns) and before {@link #stopReporting()}, so
 * {@link #requestsSent()} is what the master's total must equal. Thread-safety: {@link #run} on one
 * thread; the counters and {@link #stopReporting()} from any.
 */
final class WorkerFleet implements Runnable {
  private static final long HEARTBEAT_NANOS = 1_000_000_000L;
  private static final long REPORT_NANOS = 3_000_000_000L;
  private static final int CONNECTS_PER_TICK = 100;
  private static final Object CLIENT_READY_DATA =
      System.getProperty("hatchery.bench.clientReady", "2.12.1").equals("-1")
          ? (Object) (-1L)
          : "2.12.1";

  private final String host;
  private final int port;
  private final int entries;
  private final int buckets;
  private final String[] nodeIds;
  private final ZmtpDealer[] dealers;
  private final long[] nextHeartbeat;
  private final long[] nextReport;
  private final boolean[] spawned;
  private final boolean[] watchingWrites;
  private final WorkerState[] states;
  private final AtomicLong requestsSent = new AtomicLong();
  private final AtomicLong reportsSent = new AtomicLong();
  private final AtomicLong heartbeatsSent = new AtomicLong();
  private final AtomicLong firstSpawnNanos = new AtomicLong();
  private final AtomicLong disconnects = new AtomicLong();
  private volatile Exception lastError;
  private volatile boolean reporting;
  private volatile boolean done;
  private long reportSecond;
  private SyntheticReport report;

  /**
   * @param reports whether workers send {@code stats} at all (false: heartbeats only, to tell the
   *     two apart in the master's cost)
   */
  WorkerFleet(String host, int port, int workers, int entries, int buckets, boolean reports) {
    this.reporting = reports;
    this.host = host;
    this.port = port;
    this.entries = entries;
    this.buckets = buckets;
    this.nodeIds = new String[workers];
    this.dealers = new ZmtpDealer[workers];
    this.nextHeartbeat = new long[workers];
    this.nextReport = new long[workers];
    this.spawned = new boolean[workers];
    this.watchingWrites = new boolean[workers];
    this.states = new WorkerState[workers];
    for (int i = 0; i < workers; i++) {
      nodeIds[i] = String.format("bench%d_%032x", i % 8, i);
      states[i] = WorkerState.READY;
    }
  }

  long requestsSent() {
    return requestsSent.get();
  }

  long reportsSent() {
    return reportsSent.get();
  }

  long heartbeatsSent() {
    return heartbeatsSent.get();
  }

  /** {@link System#nanoTime()} when the first spawn arrived, 0 before. */
  long firstSpawnNanos() {
    return firstSpawnNanos.get();
  }

  /** Workers whose connection failed (the last failure in {@link #lastError()}). */
  long disconnects() {
    return disconnects.get();
  }

  Exception lastError() {
    return lastError;
  }

  /** Stops sending reports (heartbeats go on), so everything sent can be merged before the end. */
  void stopReporting() {
    reporting = false;
  }

  /** Ends {@link #run}. */
  void close() {
    done = true;
  }

  @Override
  public void run() {
    try (Selector selector = Selector.open()) {
      int connected = 0;
      while (!done) {
        long now = System.nanoTime();
        for (int n = 0; n < CONNECTS_PER_TICK && connected < dealers.length; n++, connected++) {
          connect(selector, connected, now);
        }
        for (int i = 0; i < connected; i++) {
          tick(i, now);
        }
        for (int i = 0; i < connected; i++) {
          if (dealers[i].wantsWrite() || watchingWrites[i]) {
            writeNow(selector, i);
          }
        }
        selector.select(5);
        for (SelectionKey key : selector.selectedKeys()) {
          onReady(key);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes what {@code i} has queued at once, and watches for writability only while some is left
   * (changing a key's interest only when that changes: one {@code epoll_ctl} per message, let alone
   * one per worker per loop, would make the harness, not the master, the busy process).
   */
  private void writeNow(Selector selector, int i) {
    SocketChannel channel = dealers[i].channel();
    SelectionKey key = channel.keyFor(selector);
    if (key == null || !key.isValid() || !channel.isConnected()) {
      return; // still connecting: OP_CONNECT, then onReady, take over
    }
    try {
      dealers[i].flush();
    } catch (IOException e) {
      fail(key, i, e);
      return;
    }
    boolean watch = dealers[i].wantsWrite();
    if (watch != watchingWrites[i]) {
      key.interestOps(SelectionKey.OP_READ | (watch ? SelectionKey.OP_WRITE : 0));
      watchingWrites[i] = watch;
    }
  }

  private void fail(SelectionKey key, int i, Exception e) {
    lastError = e;
    disconnects.incrementAndGet();
    key.cancel();
    reconnect(key.selector(), i);
  }

  /** Starts a non-blocking connect: a full accept backlog must not stall the other workers. */
  private void connect(Selector selector, int i, long now) {
    try {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.connect(new InetSocketAddress(host, port));
      dealers[i] = new ZmtpDealer(channel, nodeIds[i]);
      watchingWrites[i] = false;
      channel.register(selector, SelectionKey.OP_CONNECT, i);
      send(i, MessageType.CLIENT_READY, CLIENT_READY_DATA);
      nextHeartbeat[i] = now + ThreadLocalRandom.current().nextLong(HEARTBEAT_NANOS);
    } catch (IOException e) {
      throw new IllegalStateException("worker " + i + " cannot connect", e);
    }
  }

  /**
   * Replaces a failed connection, as a ZeroMQ DEALER reconnects (JeroMQ's ROUTER now and then
   * rejects a ZMTP handshake under load).
   */
  private void reconnect(Selector selector, int i) {
    try {
      dealers[i].channel().close();
    } catch (IOException ignored) {
      // Already gone.
    }
    connect(selector, i, System.nanoTime());
  }

  private void tick(int i, long now) {
    if (now >= nextHeartbeat[i]) {
      nextHeartbeat[i] += HEARTBEAT_NANOS;
      Map<String, Object> data = new LinkedHashMap<>();
      data.put(PayloadKeys.STATE, states[i].wire());
      data.put(PayloadKeys.CURRENT_CPU_USAGE, 1.5);
      data.put(PayloadKeys.CURRENT_MEMORY_USAGE, 52_428_800L);
      send(i, MessageType.HEARTBEAT, data);
      heartbeatsSent.incrementAndGet();
    }
    if (spawned[i] && reporting && now >= nextReport[i]) {
      nextReport[i] += REPORT_NANOS;
      SyntheticReport current = currentReport();
      send(i, MessageType.STATS, current.data());
      requestsSent.addAndGet(current.requests());
      reportsSent.incrementAndGet();
    }
  }

  private SyntheticReport currentReport() {
    long second = System.currentTimeMillis() / 1000;
    if (report == null || second != reportSecond) {
      report = SyntheticReport.of(entries, buckets, second);
      reportSecond = second;
    }
    return report;
  }

  private void onReady(SelectionKey key) {
    int i = (Integer) key.attachment();
    try {
      if (key.isConnectable()) {
        if (!dealers[i].channel().finishConnect()) {
          return;
        }
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        watchingWrites[i] = true;
        return;
      }
      if (key.isWritable()) {
        dealers[i].flush();
      }
      if (key.isReadable()) {
        for (byte[] payload : dealers[i].read()) {
          onMessage(i, MessageCodec.decode(payload));
        }
      }
    } catch (IOException | ProtocolException e) {
      fail(key, i, e);
    }
  }

  private void onMessage(int i, Message message) {
    switch (message.type()) {
      case MessageType.SPAWN -> onSpawn(i, message.data());
      case MessageType.QUIT -> {
        send(i, MessageType.QUIT, null);
        states[i] = WorkerState.READY;
      }
      default -> {
        // ack, master heartbeats: nothing to do.
      }
    }
  }

  private void onSpawn(int i, Object data) {
    long now = System.nanoTime();
    firstSpawnNanos.compareAndSet(0, now);
    send(i, MessageType.SPAWNING, null);
    Map<?, ?> counts = (Map<?, ?>) ((Map<?, ?>) data).get(PayloadKeys.USER_CLASSES_COUNT);
    long users = 0;
    for (Object count : counts.values()) {
      users += ((Number) count).longValue();
    }
    Map<String, Object> complete = new LinkedHashMap<>();
    complete.put(PayloadKeys.USER_CLASSES_COUNT, counts);
    complete.put(PayloadKeys.USER_COUNT, users);
    send(i, MessageType.SPAWNING_COMPLETE, complete);
    states[i] = WorkerState.RUNNING;
    if (!spawned[i]) {
      spawned[i] = true;
      nextReport[i] = now + ThreadLocalRandom.current().nextLong(REPORT_NANOS);
    }
  }

  private void send(int i, String type, Object data) {
    dealers[i].send(MessageCodec.encode(new Message(type, data, nodeIds[i])));
  }
}
