package io.hatchery.protocol.transport;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bounded queue of inbound events from a transport's I/O thread to its consumers, and the
 * back-pressure around it.
 *
 * <p>When the consumer falls behind and the queue is full, the I/O thread stops reading (see {@link
 * #readable()}), so frames wait inside ZeroMQ up to its receive high-water mark (1000 per peer) and
 * then in TCP buffers, and senders are pushed back; memory stays bounded. A consumer that takes an
 * event while reading is paused wakes the I/O thread through the callback it was given.
 *
 * <p>A consumer blocked in {@link #poll} can be woken by {@link #wakeConsumer()} (see {@link
 * RpcServer#wakeReceiver()}): a marker goes through the queue in the one slot kept for it.
 *
 * <p>Thread-safety: {@link #readable()}, {@link #hasRoom()} and {@link #add} belong to the I/O
 * thread, the only producer of events; {@link #poll} and {@link #wakeConsumer()} may be called from
 * any thread.
 */
final class Inbox {
  /** Goes through the queue to end a consumer's wait; never handed out. */
  private static final Object WAKE_MARKER = new Object();

  private final BlockingQueue<Object> events;
  private final Runnable resumeReading;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile boolean readPaused;

  /**
   * @param resumeReading wakes the I/O thread after reading was paused; called on the consumer's
   *     thread
   */
  Inbox(int capacity, Runnable resumeReading) {
    // One slot more than the events may use: the wake marker always fits.
    this.events = new ArrayBlockingQueue<>(capacity + 1);
    this.resumeReading = resumeReading;
  }

  /**
   * Returns whether there is room to read in this loop step. When there is none, reading is marked
   * paused, so the next event taken wakes the I/O thread. I/O thread only.
   */
  boolean readable() {
    boolean canRead = hasRoom();
    if (!canRead) {
      readPaused = true;
      // Re-check after publishing the flag: a consumer that took an event in between saw no flag.
      canRead = hasRoom();
    }
    readPaused = !canRead;
    return canRead;
  }

  /** Whether one more event fits. I/O thread only. */
  boolean hasRoom() {
    return events.remainingCapacity() > 1;
  }

  /** Adds an event; call only after {@link #hasRoom()} said yes. I/O thread only. */
  void add(RpcEvent event) {
    events.add(event);
  }

  /**
   * Takes the next event, waiting up to {@code timeout} when {@code wait} is true; null if none.
   * Any thread.
   */
  RpcEvent poll(Duration timeout, boolean wait) throws InterruptedException {
    Object taken = wait ? events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS) : events.poll();
    if (taken == WAKE_MARKER) {
      wakePending.set(false);
      return null;
    }
    if (taken != null && readPaused) {
      resumeReading.run();
    }
    return (RpcEvent) taken;
  }

  /** Ends the wait of a consumer blocked in {@link #poll}, or the next one's. Any thread. */
  void wakeConsumer() {
    if (wakePending.compareAndSet(false, true)) {
      events.add(WAKE_MARKER);
    }
  }
}
