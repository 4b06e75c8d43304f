package io.hatchery.transport.epoll;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * How a native poller's sockets reach the memory of the {@link ByteBuffer}s they are given: a
 * direct buffer's own memory (its segment and address cached for the last buffer asked about, since
 * the ROUTER reads every socket into the same one), or a native scratch buffer that heap buffers
 * are copied through.
 *
 * <p>Not thread-safe: the poller's I/O thread.
 */
final class NativeBuffers {
  /** The size of {@link #scratch()}: the most a heap buffer moves per call. */
  static final int SCRATCH_BYTES = 64 * 1024;

  private final Arena arena;
  private MemorySegment scratch;
  private ByteBuffer lastBuffer;
  private MemorySegment lastSegment;

  /**
   * @param arena where the scratch buffer is allocated; it outlives this
   */
  NativeBuffers(Arena arena) {
    this.arena = arena;
  }

  /** The whole of direct buffer {@code buffer}'s memory, from index 0 to its capacity. */
  MemorySegment segmentOf(ByteBuffer buffer) {
    if (buffer != lastBuffer) {
      lastSegment = MemorySegment.ofBuffer(buffer.duplicate().clear());
      lastBuffer = buffer;
    }
    return lastSegment;
  }

  /** The native address of direct buffer {@code buffer}'s first byte (index 0). */
  long addressOf(ByteBuffer buffer) {
    return segmentOf(buffer).address();
  }

  /** A native buffer of {@value #SCRATCH_BYTES} bytes for heap buffers, made on first use. */
  MemorySegment scratch() {
    if (scratch == null) {
      scratch = arena.allocate(SCRATCH_BYTES, 8);
    }
    return scratch;
  }
}
