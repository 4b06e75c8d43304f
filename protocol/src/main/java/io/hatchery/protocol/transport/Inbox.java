package io.hatchery.protocol.transport;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of inbound events from a transport's I/O thread to its consumers, and the
 * back-pressure around it.
 *
 * <p>When the consumer falls behind and the queue is full, the I/O thread stops reading (see {@link
 * #readable()}), so frames wait inside ZeroMQ up to its receive high-water mark (1000 per peer) and
 * then in TCP buffers, and senders are pushed back; memory stays bounded. A consumer that takes an
 * event while reading is paused wakes the I/O thread through the callback it was given.
 *
 * <p>Wake-ups are batched: {@link #add} only queues, and {@link #publish()}, called by the I/O
 * thread once per loop step, wakes a sleeping consumer. A consumer drains everything queued before
 * it sleeps again, so at 10,000 workers it wakes once per batch of messages rather than once per
 * message (each wake-up is a futex call on both sides and a context switch).
 *
 * <p>A consumer blocked in {@link #poll} can be woken by {@link #wakeConsumer()} (see {@link
 * RpcServer#wakeReceiver()}): a marker goes through the queue without taking an event's room.
 *
 * <p>Thread-safety: {@link #readable()}, {@link #hasRoom()}, {@link #add} and {@link #publish()}
 * belong to the I/O thread, the only producer of events; {@link #poll} and {@link #wakeConsumer()}
 * may be called from any thread.
 */
final class Inbox {
  /** Goes through the queue to end a consumer's wait; never handed out. */
  private static final Object WAKE_MARKER = new Object();

  private final int capacity;
  private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();

  /** Events queued, not counting the wake marker. */
  private final AtomicInteger size = new AtomicInteger();

  /** Consumers inside {@link #poll}'s wait; the producer signals only when there are some. */
  private final AtomicInteger sleepers = new AtomicInteger();

  private final ReentrantLock sleepLock = new ReentrantLock();
  private final Condition notEmpty = sleepLock.newCondition();
  private final Runnable resumeReading;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile boolean readPaused;

  /**
   * @param resumeReading wakes the I/O thread after reading was paused; called on the consumer's
   *     thread
   */
  Inbox(int capacity, Runnable resumeReading) {
    this.capacity = capacity;
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

  /** Events queued, not counting a wake-up marker. Any thread. */
  int size() {
    return size.get();
  }

  /** Whether one more event fits. I/O thread only. */
  boolean hasRoom() {
    return size.get() < capacity;
  }

  /**
   * Queues an event; call only after {@link #hasRoom()} said yes. A sleeping consumer sees it after
   * the next {@link #publish()}. I/O thread only.
   */
  void add(RpcEvent event) {
    size.incrementAndGet();
    events.add(event);
  }

  /**
   * Wakes consumers sleeping in {@link #poll}, if there are any and something is queued. Cheap when
   * none sleeps (one volatile read). I/O thread, after each batch of {@link #add}s.
   */
  void publish() {
    // Dekker-style with poll: add() writes the queue, then this reads sleepers; a consumer
    // increments sleepers, then reads the queue. One of the two sees the other's write.
    if (sleepers.get() > 0 && !events.isEmpty()) {
      signalSleepers();
    }
  }

  /**
   * Takes the next event, waiting up to {@code timeout} when {@code wait} is true; null if none
   * arrived in time or a wake-up came first. Any thread.
   */
  RpcEvent poll(Duration timeout, boolean wait) throws InterruptedException {
    Object taken = events.poll();
    if (taken == null && wait) {
      taken = await(timeout.toNanos());
    }
    if (taken == null || taken == WAKE_MARKER) {
      if (taken != null) {
        wakePending.set(false);
      }
      return null;
    }
    size.decrementAndGet();
    if (readPaused) {
      resumeReading.run();
    }
    return (RpcEvent) taken;
  }

  private Object await(long timeoutNanos) throws InterruptedException {
    long nanos = timeoutNanos;
    sleepLock.lockInterruptibly();
    sleepers.incrementAndGet();
    try {
      Object taken;
      while ((taken = events.poll()) == null && nanos > 0) {
        nanos = notEmpty.awaitNanos(nanos);
      }
      return taken;
    } finally {
      sleepers.decrementAndGet();
      sleepLock.unlock();
    }
  }

  /**
   * Hands every queued event to {@code consumer} in order, skipping wake markers; for a consumer
   * attached to the I/O thread after events were queued. I/O thread only.
   */
  void drainTo(java.util.function.Consumer<RpcEvent> consumer) {
    for (Object taken = events.poll(); taken != null; taken = events.poll()) {
      if (taken == WAKE_MARKER) {
        wakePending.set(false);
      } else {
        size.decrementAndGet();
        consumer.accept((RpcEvent) taken);
      }
    }
  }

  /** Ends the wait of a consumer blocked in {@link #poll}, or the next one's. Any thread. */
  void wakeConsumer() {
    if (wakePending.compareAndSet(false, true)) {
      events.add(WAKE_MARKER);
      signalSleepers();
    }
  }

  private void signalSleepers() {
    sleepLock.lock();
    try {
      notEmpty.signalAll();
    } finally {
      sleepLock.unlock();
    }
  }
}
