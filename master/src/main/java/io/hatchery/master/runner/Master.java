package io.hatchery.master.runner;

import io.hatchery.master.control.MasterControl;
import io.hatchery.master.control.MasterSnapshot;
import io.hatchery.master.control.SwarmRequest;
import io.hatchery.master.dispatch.UserClassSpec;
import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.payload.CustomMessage;
import io.hatchery.protocol.transport.IoThreadConsumer;
import io.hatchery.protocol.transport.PeerSlot;
import io.hatchery.protocol.transport.RpcEvent;
import io.hatchery.protocol.transport.RpcServer;
import io.hatchery.protocol.transport.ZmqRpcServer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running master: the {@link MasterControl} implementation. One thread owns the {@link
 * MasterRunner} and all its state; it takes worker messages from the {@link RpcServer}, runs timers
 * and executes the commands other threads queue. On a TCP ROUTER ({@link ZmqRpcServer}) that thread
 * is the transport's I/O thread ({@code hatchery-rpc-server}), which hands each message over where
 * it read it ({@link IoThreadConsumer}); on the other transports it is a platform thread of the
 * master's own ({@code hatchery-master-control}), which waits in {@link RpcServer#receive}.
 *
 * <p>Thread-safety: every public method may be called from any thread. A command is queued, then
 * the control thread is woken ({@link RpcServer#wakeReceiver()}), so it runs as soon as that thread
 * is scheduled, after the message it is handling; commands run in the order they were queued.
 * {@link #snapshot()} reads a volatile reference and never blocks. Listeners run on the control
 * thread.
 *
 * <pre>{@code
 * try (Master master = Master.builder()
 *     .userClasses(List.of(UserClassSpec.weighted("MyUser", 1)))
 *     .bind("127.0.0.1", 0)               // or .bindLegacy(...) for G0, or .rpc(inproc.server())
 *     .start()) {
 *   int port = master.port();             // workers connect here
 *   master.start(SwarmRequest.of(10, 5.0));
 *   ...
 *   master.quit();
 *   master.awaitTermination(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class Master implements MasterControl, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Master.class);

  /**
   * On the TCP ROUTER, reads wait this long after a step that handed the master messages, so that
   * one wake-up of the I/O thread reads a batch ({@link IoThreadConsumer#batchingDelayNanos()}):
   * with 10,000 workers it wakes about 50 times a second and reads ~270 messages each time. Every
   * wake-up costs a context switch in and out and refills the caches, so 20 ms costs ~5 µs less CPU
   * per report than 5 ms did, and 50 ms no less than 20 (bench/README.md §4). Nothing the master
   * does is that urgent (heartbeats are 1 s apart, reports 3 s); commands from the web UI or the
   * REST API and the master's own timers end the pause at once.
   */
  public static final Duration READ_BATCHING_DELAY = Duration.ofMillis(20);

  private final MasterRunner runner;
  private final RpcServer rpc;
  private final boolean ownsRpc;
  private final int port;
  private final InstantSource clock;
  private final List<String> classNames;
  private final LinkedBlockingDeque<Runnable> commands = new LinkedBlockingDeque<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean quitRequested;
  private volatile boolean closed;
  private volatile boolean transportFailed;

  Master(RpcServer rpc, boolean ownsRpc, int port, InstantSource clock, MasterSettings settings) {
    this.rpc = rpc;
    this.ownsRpc = ownsRpc;
    this.port = port;
    this.clock = clock;
    this.runner = new MasterRunner(rpc, clock, settings);
    this.classNames = runner.userClasses().stream().map(UserClassSpec::name).toList();
    this.thread = new Thread(this::loop, "hatchery-master-control");
    this.thread.setDaemon(true);
  }

  /** Returns a builder; see the class example. */
  public static MasterBuilder builder() {
    return new MasterBuilder();
  }

  void startThread() {
    thread.start();
  }

  /** Runs the control loop on {@code server}'s I/O thread instead of a thread of its own. */
  void startOnIoThread(ZmqRpcServer server) {
    server.attach(new OnIoThread());
  }

  /** The bound TCP port (the PULL port for G0), or -1 when the transport was given. */
  public int port() {
    return port;
  }

  /** Adds a listener (called on the control thread). */
  public void addListener(MasterListener listener) {
    runner.addListener(listener);
  }

  /** Registers the listener of one custom message type (Locust's {@code register_message}). */
  public void registerMessage(String type, MasterMessageListener listener) {
    runner.registerMessage(type, listener);
  }

  @Override
  public MasterSnapshot snapshot() {
    return runner.latestSnapshot();
  }

  @Override
  public void start(SwarmRequest request) {
    if (quitRequested) {
      throw new IllegalStateException("The master is quitting");
    }
    SwarmRequests.validate(request, classNames);
    queue(() -> runner.start(request));
  }

  @Override
  public void stop() {
    queue(runner::stop);
  }

  @Override
  public void resetStats() {
    queue(runner::resetStats);
  }

  @Override
  public void quit() {
    quitRequested = true;
    queue(runner::quit);
  }

  @Override
  public void sendMessage(String type, Object data, String nodeId) {
    new CustomMessage(type, data); // rejects Locust's own types
    MessageCodec.encode(new Message(type, data, nodeId == null ? "check" : nodeId));
    queue(() -> runner.sendMessage(type, data, nodeId));
  }

  /** Waits until a quit finished (final snapshot published, transport closed if owned). */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Quits (if not yet), waits up to the quit grace for the workers, then ends the thread. */
  @Override
  public void close() {
    quit();
    try {
      Duration stopTimeout = runner.settings.stopTimeout().orElse(Duration.ZERO);
      if (!awaitTermination(stopTimeout.plus(MasterRunner.QUIT_GRACE).plusSeconds(5))) {
        closed = true;
        queue(() -> {});
        awaitTermination(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
      queue(() -> {});
    }
  }

  /**
   * Queues {@code command} for the control thread and ends its wait. The wake-up is sent after the
   * command is queued, so the thread either finds the command when it drains the queue or returns
   * from its next {@code receive} at once and drains it then; a failed transport is not woken, but
   * then the thread waits on this queue itself.
   */
  private void queue(Runnable command) {
    commands.add(command);
    if (!transportFailed) {
      rpc.wakeReceiver();
    }
  }

  private void loop() {
    try {
      while (!runner.isTerminated() && !closed) {
        step();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Error e) {
      LOG.error("Master control thread died", e);
      throw e;
    } finally {
      if (ownsRpc) {
        rpc.close();
      }
      terminated.countDown();
    }
  }

  private void step() throws InterruptedException {
    runCommands();
    // No poll cap: commands end the wait through wakeReceiver, so it lasts until the next timer.
    Duration wait = Duration.between(clock.instant(), runner.nextDeadline());
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    RpcEvent event = null;
    if (transportFailed) {
      Runnable command = commands.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
      if (command != null) {
        commands.addFirst(command); // run it first in the next step, keeping the order
      }
    } else {
      try {
        event = rpc.receive(wait);
      } catch (IllegalStateException e) {
        // Only a dead I/O thread throws here; it will not come back, so stop polling it.
        LOG.error("The master's transport failed; quitting", e);
        transportFailed = true;
        runner.quit();
      }
    }
    for (int batch = 0; event != null && batch < 1000; batch++) {
      runner.handle(event);
      event = rpc.receive(Duration.ZERO);
    }
    if (event != null) {
      runner.handle(event);
    }
    if (!clock.instant().isBefore(runner.nextDeadline())) {
      runner.runDue();
    }
  }

  private void runCommands() {
    for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
      try {
        command.run();
      } catch (RuntimeException e) {
        LOG.error("Master command failed", e);
      }
    }
  }

  /**
   * The control loop on a {@link ZmqRpcServer}'s I/O thread: each message is handled as it is read;
   * after each I/O step the queued commands run, then the due timers. The server stops once the
   * runner terminated (or {@link #close()} gave up waiting), and closes its sockets before {@link
   * #awaitTermination} returns.
   */
  private final class OnIoThread implements IoThreadConsumer {
    /** Longer waits are cut short (the I/O loop wakes every second anyway). */
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    @Override
    public void onEvent(RpcEvent event) {
      runner.handle(event);
    }

    @Override
    public void onEvent(RpcEvent event, PeerSlot peer) {
      runner.handle(event, peer);
    }

    @Override
    public long afterStep() {
      runCommands();
      if (!clock.instant().isBefore(runner.nextDeadline())) {
        runner.runDue();
      }
      Duration wait = Duration.between(clock.instant(), runner.nextDeadline());
      return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT.toNanos() : wait.toNanos();
    }

    @Override
    public long batchingDelayNanos() {
      return READ_BATCHING_DELAY.toNanos();
    }

    @Override
    public boolean finished() {
      return runner.isTerminated() || closed;
    }

    @Override
    public void stopped(Throwable failure) {
      if (failure != null) {
        LOG.error("The master's transport failed; the master stopped", failure);
      }
      terminated.countDown();
    }
  }
}
