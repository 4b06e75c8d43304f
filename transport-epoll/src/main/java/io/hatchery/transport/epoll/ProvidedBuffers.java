package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * The buffers io_uring's multishot {@code recv} fills: {@code count} buffers of {@code bytes} each
 * in one native block, offered to the kernel through a provided-buffer ring ({@code struct
 * io_uring_buf} entries of 16 bytes; the ring's tail is the 16-bit field at offset 14). A
 * completion hands one buffer to this process ({@link #taken()}); {@link #recycle} offers it again,
 * visible to the kernel at the next {@link #publish()}.
 *
 * <p>The whole block is bounded: a connection whose data is not read holds buffers, and when none
 * is left the kernel ends the waiting {@code recv}s with {@code ENOBUFS} instead of taking memory.
 *
 * <p>Not thread-safe: the poller's I/O thread.
 */
final class ProvidedBuffers {
  /** The buffer group id the poller's {@code recv}s select from. */
  static final short GROUP = 0;

  private static final int ENTRY_BYTES = 16;
  private static final long TAIL_OFFSET = 14;
  private static final VarHandle SHORT = JAVA_SHORT.varHandle();

  private final MemorySegment ring;
  private final MemorySegment memory;
  private final int count;
  private final int bytes;
  private int tail;
  private int held;

  /**
   * @param count a power of two, at most 32768
   */
  ProvidedBuffers(Arena arena, int count, int bytes) {
    this.count = count;
    this.bytes = bytes;
    this.ring = arena.allocate((long) count * ENTRY_BYTES, 4096);
    this.memory = arena.allocate((long) count * bytes, 64);
    for (int id = 0; id < count; id++) {
      offer(id);
    }
    publish();
  }

  /** Registers the ring with {@code uring} as {@link #GROUP}. */
  void register(IoUring uring) throws IOException {
    uring.registerBufferRing(ring.address(), count, GROUP);
  }

  /** The memory of all buffers; buffer {@code id} starts at {@link #offset}. */
  MemorySegment memory() {
    return memory;
  }

  long offset(int id) {
    return (long) id * bytes;
  }

  /** A completion gave buffer {@code id} to this process. */
  void taken() {
    held++;
  }

  /** Offers buffer {@code id}, which this process held, to the kernel again. */
  void recycle(int id) {
    held--;
    offer(id);
  }

  private void offer(int id) {
    long entry = (long) (tail & (count - 1)) * ENTRY_BYTES;
    ring.set(JAVA_LONG, entry, memory.address() + offset(id));
    ring.set(JAVA_INT, entry + 8, bytes);
    ring.set(JAVA_SHORT, entry + 12, (short) id);
    tail++;
  }

  /** Makes the buffers offered since the last call visible to the kernel. */
  void publish() {
    SHORT.setRelease(ring, TAIL_OFFSET, (short) tail);
  }

  /** Buffers the kernel may fill now: those this process does not hold. */
  int available() {
    return count - held;
  }

  /** How many buffers there are. */
  int count() {
    return count;
  }
}
