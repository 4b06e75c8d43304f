package io.hatchery.protocol.transport;

import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.transport.poll.PolledSocket;
import io.hatchery.protocol.transport.poll.ReadyHandler;
import io.hatchery.protocol.transport.poll.SocketPoller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O thread of {@link ZmqRpcServer}: one {@link SocketPoller} (JDK NIO, or epoll) over the
 * listening socket and every worker connection, speaking ZMTP 3.x as a ROUTER.
 *
 * <p>Per loop step: wait in {@link SocketPoller#poll} until a socket is ready, a caller queued a
 * message ({@link #wakeUp()}), the inbound queue has room again, or a handshake deadline is due;
 * then accept, read and parse what arrived, route queued outbound messages to their peers and write
 * each peer's batch with one system call. Work per step is proportional to the sockets that are
 * ready, never to the number of connections (unlike JeroMQ 0.6's poller, which walks all of them
 * whenever an interest set changes).
 *
 * <p>Batching: an attached consumer may ask for a pause after each step that handed it messages
 * ({@link IoThreadConsumer#batchingDelayNanos()}); the thread then parks instead of polling the
 * sockets at once, so messages from many peers are read together in the next step rather than one
 * wake-up each. {@link #wakeUp()} and {@link #stop()} end the pause ({@link IoThreadWakeup}), and
 * it never outlasts the consumer's own deadline.
 *
 * <p>Inbound back-pressure: events go to the bounded {@link Inbox}; when it is full they wait in a
 * small overflow (at most what one read delivered) and reading stops on every connection until the
 * consumer makes room, so peers are pushed back through TCP.
 *
 * <p>Ownership: everything here except {@link #wakeUp()}, {@link #stop()} and the queues' producer
 * sides belongs to the I/O thread.
 */
final class ZmtpRouterLoop {
  /**
   * A connection that has not completed the ZMTP handshake by then is closed, so its peer redials
   * (libzmq's default {@code ZMQ_HANDSHAKE_IVL} is 30 s). Short enough that a peer stuck before its
   * greeting retries soon, long enough that 10,000 workers dialling at once all get through.
   */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private static final int SCRATCH_BYTES = 64 * 1024;
  private static final int MAX_READS_PER_WAKEUP = 4;
  private static final int MAX_ACCEPTS_PER_STEP = 256;
  private static final long IDLE_SELECT_MILLIS = 1_000;

  /** {@code TCP_KEEPIDLE} of accepted connections, as Locust sets it. */
  static final int TCP_KEEPALIVE_IDLE_SECONDS = 30;

  /**
   * A step that found this many sockets ready is batching by itself; the loop polls again at once
   * rather than pause (so a burst, 10,000 workers answering a spawn, is not slowed down). Above
   * what a pause gathers in steady load (~270 sockets in 20 ms at 10,000 workers), and no more than
   * one epoll_wait returns (1,024), so that a burst is still recognised.
   */
  private static final int READY_ENOUGH_TO_SKIP_PAUSE = 1024;

  /**
   * Events handed to the consumer before a long step wakes it; otherwise it wakes once per step
   * (see {@link Inbox#publish()}).
   */
  private static final int PUBLISH_BATCH = 256;

  private static final Logger log = LoggerFactory.getLogger(ZmtpRouterLoop.class);

  private final String name;
  private final SocketPoller poller;
  private final FrameCodec frames;
  private final int maxFrameBytes;
  private final Inbox inbox;
  private final Outbox<ZmqRpcServer.Outgoing> outbox;
  private final IoThreadWakeup wakeup;

  /** Set once by {@link #attach}; from then on events go to it instead of the inbox. */
  private volatile IoThreadConsumer consumer;

  /** What the consumer's last {@link IoThreadConsumer#afterStep()} allowed. */
  private long consumerWaitNanos = Long.MAX_VALUE;

  private final ByteBuffer readScratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
  private final ByteBuffer writeScratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
  private final Map<String, ZmtpPeer> peersByNodeId = new HashMap<>();
  private final ArrayDeque<ZmtpPeer> handshaking = new ArrayDeque<>();
  private final List<ZmtpPeer> toFlush = new ArrayList<>();
  private final ArrayDeque<RpcEvent> overflow = new ArrayDeque<>();
  private final ReadyHandler onReady = new OnReady();
  private final ReadyHandler onWritableWhileLingering = new OnWritableWhileLingering();
  private final byte[] ourGreeting = ZmtpGreeting.ours();
  private final byte[] routerReadyFrame = ZmtpCommand.routerReady().toFrame();
  private final ProtocolLog faults;
  private boolean reading = true;
  private int deliveredSincePublish;

  /** Events handed to the consumer in the current step (a step with none never pauses). */
  private int handedOverInStep;

  private int nextGeneratedId = ThreadLocalRandom.current().nextInt();

  ZmtpRouterLoop(
      String name,
      SocketPoller poller,
      FrameCodec frames,
      int maxFrameBytes,
      Inbox inbox,
      Outbox<ZmqRpcServer.Outgoing> outbox) {
    this.name = name;
    this.poller = poller;
    this.frames = frames;
    this.maxFrameBytes = maxFrameBytes;
    this.inbox = inbox;
    this.outbox = outbox;
    this.faults = new ProtocolLog(log, name);
    this.wakeup = new IoThreadWakeup(poller::wakeup);
  }

  /** Ends the current or next poll or batching pause; coalesces concurrent calls. Any thread. */
  void wakeUp() {
    wakeup.signal();
  }

  /**
   * Hands every event from now on to {@code attached} on this loop's thread, after the events
   * already queued in the inbox. Any thread; at most once.
   */
  void attach(IoThreadConsumer attached) {
    consumer = attached;
    wakeUp();
  }

  /** The attached consumer, or null. */
  IoThreadConsumer consumer() {
    return consumer;
  }

  /** Asks the loop to finish: it flushes for at most {@code linger}, then closes. Any thread. */
  void stop() {
    wakeup.stop();
  }

  /** Runs until {@link #stop()}; then flushes what is queued (the caller closes the poller). */
  void run(Duration linger) {
    wakeup.bindToCurrentThread();
    while (!wakeup.stopRequested()) {
      try {
        step();
      } catch (IOException | RuntimeException e) {
        log.error("{}: unexpected exception, the loop continues", name, e);
        // Keeps a fault that repeats on every step from spinning a core.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      } finally {
        publish();
      }
    }
    linger(linger);
  }

  private void step() throws IOException {
    IoThreadConsumer attached = consumer;
    long timeoutMillis = selectTimeoutMillis();
    if (attached != null && consumerWaitNanos < TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
      // Rounded up, so a timer due in 0.3 ms is not polled for in a busy loop.
      timeoutMillis = Math.max(0, (consumerWaitNanos + 999_999) / 1_000_000);
    }
    handedOverInStep = 0;
    int ready = poller.poll(timeoutMillis, onReady);
    wakeup.clear();
    if (attached != null) {
      afterStep(attached);
    }
    routeOutbound();
    flushScheduled();
    expireHandshakes();
    updateReading();
    if (attached != null && handedOverInStep > 0 && ready < READY_ENOUGH_TO_SKIP_PAUSE) {
      // Ends early on a wake-up; never outlasts the consumer's own deadline.
      wakeup.pause(Math.min(attached.batchingDelayNanos(), consumerWaitNanos));
    }
  }

  private void afterStep(IoThreadConsumer attached) {
    inbox.drainTo(this::handOver); // events queued before the consumer was attached
    try {
      consumerWaitNanos = attached.afterStep();
      if (attached.finished()) {
        wakeup.stop();
      }
    } catch (RuntimeException e) {
      log.error("{}: the attached consumer failed after a step; the loop continues", name, e);
      // Retried soon, but a fault that repeats on every step does not spin a core.
      consumerWaitNanos = TimeUnit.MILLISECONDS.toNanos(10);
    }
  }

  /** Hands over an event queued before the attach, which has no connection's slot. */
  private void handOver(RpcEvent event) {
    handOver(event, null);
  }

  private void handOver(RpcEvent event, PeerSlot slot) {
    try {
      if (slot == null) {
        consumer.onEvent(event);
      } else {
        consumer.onEvent(event, slot);
      }
    } catch (RuntimeException e) {
      log.error("{}: the attached consumer failed on an event; the loop continues", name, e);
    }
  }

  private long selectTimeoutMillis() {
    ZmtpPeer oldest = handshaking.peek();
    if (oldest == null) {
      return IDLE_SELECT_MILLIS;
    }
    long dueMillis =
        TimeUnit.NANOSECONDS.toMillis(oldest.handshakeDeadlineNanos - System.nanoTime());
    return Math.max(1, Math.min(IDLE_SELECT_MILLIS, dueMillis + 1));
  }

  private void accept() {
    for (int i = 0; i < MAX_ACCEPTS_PER_STEP; i++) {
      PolledSocket socket;
      try {
        socket = poller.accept();
      } catch (IOException e) {
        // Usually the open-file limit: the connection waits in the backlog until a later step.
        faults.warn("cannot accept a connection: " + e.getMessage());
        return;
      }
      if (socket == null) {
        return;
      }
      try {
        open(socket);
      } catch (IOException e) {
        faults.warn("cannot set up a connection: " + e.getMessage());
        socket.close();
      }
    }
  }

  private void open(PolledSocket socket) throws IOException {
    long deadline = System.nanoTime() + HANDSHAKE_TIMEOUT.toNanos();
    PeerHandler handler = new PeerHandler();
    ZmtpPeer peer = new ZmtpPeer(socket, handler, maxFrameBytes, deadline);
    handler.peer = peer;
    socket.attach(peer);
    socket.interest(reading, false);
    // Like libzmq, only the signature first: the rest follows the peer's (see PeerHandler).
    peer.queueRaw(Arrays.copyOf(ourGreeting, ZmtpGreeting.SIGNATURE_BYTES));
    scheduleFlush(peer);
    handshaking.add(peer);
  }

  private void read(ZmtpPeer peer) {
    try {
      for (int i = 0; i < MAX_READS_PER_WAKEUP && peer.socket.isOpen(); i++) {
        readScratch.clear();
        int bytes = peer.socket.read(readScratch);
        if (bytes < 0) {
          close(peer, null);
          return;
        }
        readScratch.flip();
        peer.parser.consume(readScratch);
        if (bytes < SCRATCH_BYTES || !overflow.isEmpty()) {
          return;
        }
      }
    } catch (ProtocolException e) {
      close(peer, e.getMessage());
    } catch (IOException e) {
      close(peer, null);
    }
  }

  private void deliver(RpcEvent event, ZmtpPeer from) {
    if (consumer != null) {
      inbox.drainTo(this::handOver); // keeps the order of events queued before the attach
      handOver(event, from.slot);
      handedOverInStep++;
    } else if (overflow.isEmpty() && inbox.hasRoom()) {
      inbox.add(event);
      if (++deliveredSincePublish >= PUBLISH_BATCH) {
        publish();
      }
    } else {
      overflow.add(event);
    }
  }

  /** Wakes the consumer for what this step delivered (see {@link Inbox#publish()}). */
  private void publish() {
    inbox.publish();
    deliveredSincePublish = 0;
  }

  private void routeOutbound() {
    outbox.flush(this::route);
  }

  private boolean route(ZmqRpcServer.Outgoing item) {
    ZmtpPeer peer = peersByNodeId.get(item.nodeId());
    // As a ROUTER without ROUTER_MANDATORY: unknown node ids and full peers lose the message.
    if (peer != null && peer.queue(item.frame())) {
      scheduleFlush(peer);
    }
    return true;
  }

  private void scheduleFlush(ZmtpPeer peer) {
    if (!peer.flushScheduled) {
      peer.flushScheduled = true;
      toFlush.add(peer);
    }
  }

  private void flushScheduled() {
    for (ZmtpPeer peer : toFlush) {
      peer.flushScheduled = false;
      if (!peer.socket.isOpen()) {
        continue;
      }
      try {
        peer.flush(writeScratch);
        updateInterest(peer);
      } catch (IOException e) {
        close(peer, null);
      }
    }
    toFlush.clear();
  }

  private void updateInterest(ZmtpPeer peer) throws IOException {
    if (peer.socket.isOpen()) {
      peer.socket.interest(reading, peer.hasOutput());
    }
  }

  private void expireHandshakes() {
    long now = System.nanoTime();
    for (ZmtpPeer oldest = handshaking.peek(); oldest != null; oldest = handshaking.peek()) {
      if (oldest.ready() || !oldest.socket.isOpen()) {
        handshaking.poll();
      } else if (now - oldest.handshakeDeadlineNanos >= 0) {
        handshaking.poll();
        close(oldest, "no ZMTP handshake within " + HANDSHAKE_TIMEOUT.toSeconds() + " s");
      } else {
        return;
      }
    }
  }

  /** Moves overflow into the inbox, and stops or resumes reading on every connection. */
  private void updateReading() {
    boolean room = inbox.readable();
    while (room && !overflow.isEmpty()) {
      inbox.add(overflow.poll());
      room = inbox.readable();
    }
    boolean canRead = room && overflow.isEmpty();
    if (canRead == reading) {
      return;
    }
    reading = canRead;
    List<ZmtpPeer> failed = new ArrayList<>();
    poller.forEachSocket(
        socket -> {
          if (socket.attachment() instanceof ZmtpPeer peer) {
            try {
              updateInterest(peer);
            } catch (IOException e) {
              failed.add(peer); // closed after the walk, which must not close sockets
            }
          }
        });
    failed.forEach(peer -> close(peer, null));
  }

  private void close(ZmtpPeer peer, String reason) {
    if (reason != null) {
      faults.warn("closing the connection of " + peer.describe() + ": " + reason);
    }
    peer.socket.close();
    if (peer.nodeId != null) {
      peersByNodeId.remove(peer.nodeId, peer);
    }
  }

  private void linger(Duration linger) {
    long deadline = System.nanoTime() + linger.toNanos();
    try {
      routeOutbound();
      flushScheduled();
      while (System.nanoTime() - deadline < 0 && anyOutput()) {
        poller.poll(
            Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
            onWritableWhileLingering);
        flushScheduled();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("{}: could not flush queued messages on close", name, e);
    }
  }

  private boolean anyOutput() {
    boolean[] any = {false};
    poller.forEachSocket(
        socket -> any[0] |= socket.attachment() instanceof ZmtpPeer peer && peer.hasOutput());
    return any[0];
  }

  /** Closes every connection, the listener and the poller. I/O thread, at the end. */
  void closeAll() {
    poller.close();
  }

  /** ZeroMQ's identity for a peer that announced none: a zero byte, then a 32-bit counter. */
  private byte[] generatedIdentity() {
    int id = nextGeneratedId++;
    return new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
  }

  /** What a step's poll found ready: accepts, flushes and reads. */
  private final class OnReady implements ReadyHandler {
    @Override
    public void acceptable() {
      accept();
    }

    @Override
    public void ready(PolledSocket socket, boolean readable, boolean writable) {
      ZmtpPeer peer = (ZmtpPeer) socket.attachment();
      if (writable) {
        scheduleFlush(peer);
      }
      if (readable && socket.isOpen() && reading && overflow.isEmpty()) {
        read(peer);
      }
    }
  }

  /** While lingering on close: only flushes, for what the sockets take. */
  private final class OnWritableWhileLingering implements ReadyHandler {
    @Override
    public void acceptable() {}

    @Override
    public void ready(PolledSocket socket, boolean readable, boolean writable) {
      if (writable) {
        scheduleFlush((ZmtpPeer) socket.attachment());
      }
    }
  }

  /** The ZMTP units of one connection, as its parser hands them over. */
  private final class PeerHandler implements ZmtpFrameParser.Handler {
    /** Set right after the peer is created, before any byte is read. */
    private ZmtpPeer peer;

    @Override
    public void signature(byte[] greetingSoFar) throws ProtocolException {
      ZmtpGreeting.checkSignature(greetingSoFar);
      peer.queueRaw(
          Arrays.copyOfRange(
              ourGreeting, ZmtpGreeting.SIGNATURE_BYTES, ZmtpGreeting.SIGNATURE_BYTES + 1));
      scheduleFlush(peer);
    }

    @Override
    public void majorVersion(byte[] greetingSoFar) throws ProtocolException {
      ZmtpGreeting.checkMajorVersion(greetingSoFar);
      peer.queueRaw(
          Arrays.copyOfRange(ourGreeting, ZmtpGreeting.SIGNATURE_BYTES + 1, ZmtpGreeting.BYTES));
      scheduleFlush(peer);
    }

    @Override
    public void greeting(byte[] greeting) throws ProtocolException {
      ZmtpGreeting.check(greeting);
      peer.queueRaw(routerReadyFrame);
      scheduleFlush(peer);
    }

    @Override
    public void command(byte[] body) throws ProtocolException {
      ZmtpCommand command = ZmtpCommand.parse(body);
      if (!peer.ready()) {
        if (!command.name().equals(ZmtpCommand.READY)) {
          throw new ProtocolException("expected READY, got " + command.name());
        }
        register(command.ready().identity());
      } else if (command.name().equals(ZmtpCommand.PING)) {
        peer.queueRaw(command.pong().toFrame());
        scheduleFlush(peer);
      }
      // Anything else after the handshake (PONG, ERROR, SUBSCRIBE, unknown) needs no answer.
    }

    @Override
    public void message(byte[] payload) throws ProtocolException {
      if (!peer.ready()) {
        throw new ProtocolException("message before the ZMTP handshake completed");
      }
      deliver(frames.routed(peer.identity, peer.nodeId, peer.identityError, payload), peer);
    }

    private void register(byte[] announced) {
      peer.identity = announced.length == 0 ? generatedIdentity() : announced;
      try {
        peer.nodeId = Identities.decode(peer.identity);
      } catch (ProtocolException e) {
        peer.identityError = e;
        return;
      }
      // ROUTER_HANDOVER: the newest connection with an identity takes it over.
      ZmtpPeer previous = peersByNodeId.put(peer.nodeId, peer);
      if (previous != null && previous != peer) {
        log.info("{}: {} connected again; closing its previous connection", name, peer.nodeId);
        close(previous, null);
      }
    }
  }
}
