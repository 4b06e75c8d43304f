package io.hatchery.protocol.transport;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

/**
 * The bounded queue of outbound items from callers' threads to a transport's I/O thread, and the
 * one item the socket refused.
 *
 * <p>Callers encode on their own thread and {@link #offer} to a queue of {@code capacity} items; a
 * full queue drops the item, and {@code send} returns false. When the socket itself refuses an item
 * (high-water mark, or no peer yet) it stays {@link #hasPending() pending}, is written before
 * anything else, and the I/O thread polls for {@code POLLOUT} meanwhile.
 *
 * <p>Thread-safety: {@link #offer} may be called from any thread; {@link #hasPending} and {@link
 * #flush} belong to the I/O thread.
 */
final class Outbox<T> {
  private final BlockingQueue<T> queue;

  /** I/O thread only: an item the socket refused (high-water mark); sent before anything else. */
  private T pending;

  Outbox(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues {@code item} without blocking; false if the queue is full. Any thread. */
  boolean offer(T item) {
    return queue.offer(item);
  }

  /** Whether an item the socket refused is waiting for the socket. I/O thread only. */
  boolean hasPending() {
    return pending != null;
  }

  /**
   * Writes the pending item, then queued ones, until {@code write} refuses one (it becomes the
   * pending item) or none is left. I/O thread only.
   */
  void flush(Predicate<T> write) {
    while (true) {
      T item = pending != null ? pending : queue.poll();
      if (item == null) {
        return;
      }
      // Cleared first: an item whose write throws is dropped (and logged), never retried forever.
      pending = null;
      if (!write.test(item)) {
        pending = item;
        return;
      }
    }
  }
}
