package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

/**
 * The layout of Linux's {@code struct epoll_event}: a 32-bit event mask, then 64 bits of data (our
 * token). On x86-64 the kernel declares it packed (12 bytes, data at offset 4); elsewhere, AArch64
 * included, it is naturally aligned (16 bytes, data at 8).
 *
 * <p>Thread-safety: stateless.
 */
final class EpollEvents {
  /** Whether this is x86-64, where the struct is packed. */
  static final boolean PACKED = isX86_64(System.getProperty("os.arch", ""));

  /** The size of one struct in an array. */
  static final long BYTES = PACKED ? 12 : 16;

  private static final long DATA_OFFSET = PACKED ? 4 : 8;

  private EpollEvents() {}

  static boolean isX86_64(String arch) {
    String a = arch.toLowerCase(Locale.ROOT);
    return a.equals("amd64") || a.equals("x86_64");
  }

  /** The event mask of struct {@code index} in {@code array}. */
  static int events(MemorySegment array, int index) {
    return array.get(JAVA_INT_UNALIGNED, index * BYTES);
  }

  /** The data (token) of struct {@code index} in {@code array}. */
  static long token(MemorySegment array, int index) {
    return array.get(JAVA_LONG_UNALIGNED, index * BYTES + DATA_OFFSET);
  }

  /** Fills struct {@code index} of {@code array}. */
  static void set(MemorySegment array, int index, int events, long token) {
    array.set(JAVA_INT_UNALIGNED, index * BYTES, events);
    array.set(JAVA_LONG_UNALIGNED, index * BYTES + DATA_OFFSET, token);
  }
}
