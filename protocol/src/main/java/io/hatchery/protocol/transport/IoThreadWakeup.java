package io.hatchery.protocol.transport;

import io.hatchery.protocol.transport.poll.SocketPoller;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * How other threads wake the ROUTER's I/O thread ({@link ZmtpRouterLoop}) wherever it waits: in a
 * socket poll ({@link SocketPoller#wakeup()}) or in a batching pause ({@link LockSupport#unpark}).
 *
 * <p>{@link #signal()} (a queued message, a command for the attached consumer) is coalesced by a
 * flag: the first call since the I/O thread last {@link #clear() cleared} it wakes the thread,
 * later ones cost a read. {@link #stop()} always wakes it. A {@link #pause} ends when either was
 * called, before or during it, and at its deadline otherwise: an unpark without a signal (a permit
 * left from an earlier one) only parks again for the time left.
 *
 * <p>Thread-safety: {@link #signal()}, {@link #stop()} and {@link #stopRequested()} from any
 * thread; the rest on the I/O thread, which first calls {@link #bindToCurrentThread()}.
 */
final class IoThreadWakeup {
  private final Runnable wakePoll;
  private final AtomicBoolean signalled = new AtomicBoolean();
  private volatile boolean stopRequested;
  private volatile Thread ioThread;

  /**
   * {@code wakePoll} ends the I/O thread's current or next poll ({@link SocketPoller#wakeup()}).
   */
  IoThreadWakeup(Runnable wakePoll) {
    this.wakePoll = wakePoll;
  }

  /** Makes the calling thread the one that {@link #pause} parks; before its first wait. */
  void bindToCurrentThread() {
    ioThread = Thread.currentThread();
  }

  /** Ends the current or next poll or pause; coalesced until {@link #clear()}. Any thread. */
  void signal() {
    if (signalled.compareAndSet(false, true)) {
      wakePoll.run();
      unpark();
    }
  }

  /** Ends the current or next poll or pause, and every pause from now on. Any thread. */
  void stop() {
    stopRequested = true;
    wakePoll.run();
    unpark();
  }

  /** Whether {@link #stop()} was called. Any thread. */
  boolean stopRequested() {
    return stopRequested;
  }

  /** Forgets the pending signal, once the poll it ended returned: the next one wakes again. */
  void clear() {
    signalled.set(false);
  }

  /**
   * Parks the I/O thread for {@code nanos} at most: less if a signal is pending or comes, or once
   * {@link #stop()} was called. An interrupt also ends it (it would make every park return at
   * once).
   */
  void pause(long nanos) {
    long deadline = System.nanoTime() + nanos;
    while (!signalled.get() && !stopRequested) {
      long leftNanos = deadline - System.nanoTime();
      if (leftNanos <= 0 || Thread.currentThread().isInterrupted()) {
        return;
      }
      LockSupport.parkNanos(this, leftNanos);
    }
  }

  private void unpark() {
    Thread thread = ioThread;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }
}
