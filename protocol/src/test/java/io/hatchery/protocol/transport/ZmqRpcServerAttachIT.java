package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ZmqRpcServer#attach}: events reach an {@link IoThreadConsumer} on the I/O thread, in order
 * and after those queued before the attach; it runs after every step, at least as often as it asks,
 * when woken, and can reply in the same step; it stops the server when finished.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZmqRpcServerAttachIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension final Closer closer = new Closer();

  private static Message heartbeat(String nodeId, long seq) {
    return new Message(MessageType.HEARTBEAT, Map.of("seq", seq), nodeId);
  }

  /** Records what the I/O thread hands over; replies to every heartbeat with an ack. */
  private static final class Recorder implements IoThreadConsumer {
    final LinkedBlockingQueue<RpcEvent> events = new LinkedBlockingQueue<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger steps = new AtomicInteger();
    final AtomicLong waitNanos = new AtomicLong(Long.MAX_VALUE);
    volatile long batchingNanos;
    final CountDownLatch stopped = new CountDownLatch(1);
    volatile boolean finished;
    volatile ZmqRpcServer server;

    @Override
    public void onEvent(RpcEvent event) {
      threads.add(Thread.currentThread().getName());
      events.add(event);
      if (event instanceof RpcEvent.Received received) {
        server.send(received.nodeId(), new Message(MessageType.ACK, Map.of("index", 0L), null));
      }
    }

    @Override
    public long afterStep() {
      threads.add(Thread.currentThread().getName());
      steps.incrementAndGet();
      return waitNanos.get();
    }

    @Override
    public long batchingDelayNanos() {
      return batchingNanos;
    }

    @Override
    public boolean finished() {
      return finished;
    }

    @Override
    public void stopped(Throwable failure) {
      stopped.countDown();
    }
  }

  @Test
  void eventsGoToTheConsumerOnTheIoThreadInOrderAfterThoseQueuedBefore() throws Exception {
    ZmqRpcServer server = closer.remember(ZmqRpcServer.bind("127.0.0.1", 0));
    ZmqRpcClient client = closer.remember(ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_a"));
    client.send(heartbeat("vm_a", 1));
    client.send(heartbeat("vm_a", 2));
    long deadline = System.nanoTime() + WAIT.toNanos();
    // Both are queued in the inbox before the attach (none is taken by receive).
    while (System.nanoTime() < deadline && !inboxHolds(server, 2)) {
      TimeUnit.MILLISECONDS.sleep(1);
    }
    assertThat(server.queuedEvents()).isEqualTo(2);
    Recorder recorder = new Recorder();
    recorder.server = server;

    server.attach(recorder);
    client.send(heartbeat("vm_a", 3));

    for (long seq = 1; seq <= 3; seq++) {
      RpcEvent event = recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(event).isInstanceOf(RpcEvent.Received.class);
      assertThat(((RpcEvent.Received) event).message()).isEqualTo(heartbeat("vm_a", seq));
    }
    for (int i = 0; i < 3; i++) {
      Message reply = client.receive(WAIT);
      assertThat(reply).isNotNull();
      assertThat(reply.type()).isEqualTo(MessageType.ACK);
    }
    assertThat(recorder.threads).containsOnly("hatchery-rpc-server");
    assertThatThrownBy(() -> server.receive(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> server.attach(new Recorder()))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Records, per event, the sender and what its connection's slot held; then keeps a mark. */
  private static final class SlotRecorder implements IoThreadConsumer {
    final LinkedBlockingQueue<Map.Entry<String, Object>> seen = new LinkedBlockingQueue<>();
    final List<PeerSlot> slots = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(RpcEvent event) {
      throw new AssertionError("an event read after the attach came without its slot");
    }

    @Override
    public void onEvent(RpcEvent event, PeerSlot peer) {
      String sender = ((RpcEvent.Received) event).nodeId();
      Object held = peer.get();
      slots.add(peer); // before the event is seen, which the test waits for
      seen.add(Map.entry(sender, held == null ? "empty" : held));
      peer.set("kept for " + sender);
    }

    @Override
    public long afterStep() {
      return Long.MAX_VALUE;
    }

    @Override
    public boolean finished() {
      return false;
    }

    @Override
    public void stopped(Throwable failure) {}
  }

  @Test
  void eachConnectionHasASlotOfItsOwnThatAReconnectStartsEmpty() throws Exception {
    ZmqRpcServer server = closer.remember(ZmqRpcServer.bind("127.0.0.1", 0));
    SlotRecorder recorder = new SlotRecorder();
    server.attach(recorder);
    ZmqRpcClient a = ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_a");
    ZmqRpcClient b = closer.remember(ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_b"));

    a.send(heartbeat("vm_a", 1));
    assertThat(recorder.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(Map.entry("vm_a", "empty"));
    b.send(heartbeat("vm_b", 1));
    assertThat(recorder.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(Map.entry("vm_b", "empty"));
    a.send(heartbeat("vm_a", 2));
    assertThat(recorder.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(Map.entry("vm_a", "kept for vm_a"));
    assertThat(recorder.slots.get(2)).isSameAs(recorder.slots.get(0));
    assertThat(recorder.slots.get(1)).isNotSameAs(recorder.slots.get(0));

    a.close();
    ZmqRpcClient again = closer.remember(ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_a"));
    again.send(heartbeat("vm_a", 3));
    assertThat(recorder.seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(Map.entry("vm_a", "empty"));
  }

  @Test
  void theConsumerRunsWhenItAsksWhenWokenAndStopsTheServerWhenFinished() throws Exception {
    ZmqRpcServer server = closer.remember(ZmqRpcServer.bind("127.0.0.1", 0));
    Recorder recorder = new Recorder();
    recorder.server = server;
    recorder.waitNanos.set(TimeUnit.MILLISECONDS.toNanos(20));
    server.attach(recorder);

    // With nothing to read, only the consumer's 20 ms makes the loop step (its own idle is 1 s).
    awaitSteps(recorder, 20);
    recorder.waitNanos.set(Long.MAX_VALUE);
    // Right after a step the idle loop sleeps 1 s: a step within half of that is the wake-up's.
    awaitSteps(recorder, recorder.steps.get() + 1);
    long woken = System.nanoTime();
    int before = recorder.steps.get();
    server.wakeReceiver();
    awaitSteps(recorder, before + 1);
    assertThat(System.nanoTime() - woken).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));

    recorder.finished = true;
    server.wakeReceiver();

    assertThat(recorder.stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    awaitIoThreadEnd(server); // stopped() is its last call, made just before it ends
    assertThat(server.send("vm_a", heartbeat("vm_a", 1))).isFalse();
  }

  @Test
  void aBatchingPauseHoldsReadsBackUntilWokenOrTheConsumerIsDueOrTheServerCloses()
      throws Exception {
    ZmqRpcServer server = ZmqRpcServer.bind("127.0.0.1", 0);
    Recorder recorder = new Recorder();
    recorder.server = server;
    recorder.batchingNanos = TimeUnit.SECONDS.toNanos(60);
    server.attach(recorder);
    ZmqRpcClient client = closer.remember(ZmqRpcClient.connect("127.0.0.1", server.port(), "vm_a"));
    client.send(heartbeat("vm_a", 1));
    assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    // The ack leaves at the end of the step that read the heartbeat; then the loop pauses.
    assertThat(client.receive(WAIT)).isNotNull();

    client.send(heartbeat("vm_a", 2));
    assertThat(recorder.events.poll(300, TimeUnit.MILLISECONDS))
        .as("read during the pause")
        .isNull();
    // From the next step on, the consumer is due every 50 ms: no pause outlasts that.
    recorder.waitNanos.set(TimeUnit.MILLISECONDS.toNanos(50));
    server.wakeReceiver();
    RpcEvent second = recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(second).as("read once woken, not 60 s later").isNotNull();
    assertThat(((RpcEvent.Received) second).message()).isEqualTo(heartbeat("vm_a", 2));

    client.send(heartbeat("vm_a", 3));
    assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    // The acks of 2 and 3: the step that read 3 has asked for its 50 ms, so the next change of the
    // wait cannot reach it.
    assertThat(client.receive(WAIT)).isNotNull();
    assertThat(client.receive(WAIT)).isNotNull();
    recorder.waitNanos.set(Long.MAX_VALUE);
    client.send(heartbeat("vm_a", 4));
    assertThat(recorder.events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

    // Paused for up to 60 s again: closing ends the pause, and the I/O thread ends in time.
    server.close();
    assertThat(server.isIoThreadAlive()).isFalse();
    assertThat(recorder.stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  private static void awaitIoThreadEnd(ZmqRpcServer server) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (server.isIoThreadAlive()) {
      assertThat(System.nanoTime()).as("I/O thread ended by now").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(1);
    }
  }

  private static boolean inboxHolds(ZmqRpcServer server, int events) {
    return server.queuedEvents() >= events;
  }

  private static void awaitSteps(Recorder recorder, int steps) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (recorder.steps.get() < steps) {
      assertThat(System.nanoTime()).as("steps by now").isLessThan(deadline);
      Thread.onSpinWait(); // the wake-up latency is measured, so no sleep here
    }
  }
}
