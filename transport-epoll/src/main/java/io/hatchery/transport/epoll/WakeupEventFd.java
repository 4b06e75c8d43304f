package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The eventfd through which other threads end a native poller's wait: {@link #wakeup()} adds to its
 * counter, which makes it readable; the I/O thread {@link #drain}s it after the poll saw that.
 *
 * <p>Thread-safety: {@link #wakeup()} and {@link #close()} from any thread, under a lock they
 * share, so that a wake-up after close never writes to a descriptor number the process has since
 * reused; {@link #drain} on the I/O thread.
 */
final class WakeupEventFd {
  final int fd;
  private final MemorySegment one;
  private final MemorySegment drained;
  private final Object lock = new Object();
  private boolean open = true;

  /**
   * @param arena where its two 8-byte buffers live; it outlives this
   */
  WakeupEventFd(Syscalls sys, Arena arena) throws IOException {
    this.fd = sys.eventfd();
    this.one = arena.allocateFrom(JAVA_LONG, 1L);
    this.drained = arena.allocate(JAVA_LONG);
  }

  /** Makes the descriptor readable until the next {@link #drain}. Any thread. */
  void wakeup() {
    synchronized (lock) {
      if (open) {
        Syscalls.write(fd, one, Long.BYTES);
      }
    }
  }

  /** Resets the counter (EAGAIN, ignored, if it already was). I/O thread. */
  void drain(Syscalls sys) {
    sys.read(fd, drained.address(), Long.BYTES);
  }

  /** Closes the descriptor; later wake-ups do nothing. Any thread; never throws. */
  void close() {
    synchronized (lock) {
      if (open) {
        open = false;
        Syscalls.close(fd);
      }
    }
  }
}
