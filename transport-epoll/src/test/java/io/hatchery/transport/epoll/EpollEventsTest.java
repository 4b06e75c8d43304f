package io.hatchery.transport.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class EpollEventsTest {
  @Test
  void structsWrittenInTheKernelLayoutDecodeFromTheCopy() {
    long[] tokens = {-1L, -2L, 0L, 7L, (3L << 32) | 5, (0xffff_fffeL << 32) | 0xffff_ffffL};
    int[] masks = {Syscalls.EPOLLIN, Syscalls.EPOLLOUT, 0, -1, Syscalls.EPOLLHUP, 0x2019};
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment array = arena.allocate(EpollEvents.BYTES * (tokens.length + 1), 8);
      for (int i = 0; i < tokens.length; i++) {
        EpollEvents.set(array, i, masks[i], tokens[i]);
      }
      EpollEvents.set(array, tokens.length, 99, 99L); // beyond the count: not copied
      int[] ints = EpollEvents.intsFor(tokens.length + 1);

      EpollEvents.copy(array, tokens.length, ints);

      for (int i = 0; i < tokens.length; i++) {
        assertThat(EpollEvents.events(ints, i)).as("mask %d", i).isEqualTo(masks[i]);
        assertThat(EpollEvents.token(ints, i)).as("token %d", i).isEqualTo(tokens[i]);
      }
      assertThat(EpollEvents.token(ints, tokens.length)).isZero();
    }
  }

  @Test
  void structSizeIsTheKernelsForThisArchitecture() {
    assertThat(EpollEvents.BYTES).isEqualTo(EpollEvents.PACKED ? 12 : 16);
    assertThat(EpollEvents.isX86_64("amd64")).isTrue();
    assertThat(EpollEvents.isX86_64("aarch64")).isFalse();
  }
}
