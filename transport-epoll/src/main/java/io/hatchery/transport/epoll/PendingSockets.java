package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.ReadyHandler;
import java.util.Arrays;

/**
 * The level-triggered half of a native poller: sockets that are still ready as their interest asks
 * after their handler ran (or that gained such interest) are kept here and reported by the next
 * poll without new readiness from the kernel, which then must not wait. Each socket is reported at
 * most once per poll.
 *
 * <p>Not thread-safe: the poller's I/O thread.
 */
final class PendingSockets {
  private NativeSocket[] pending = new NativeSocket[64];
  private int pendingCount;
  private NativeSocket[] carried = new NativeSocket[64];
  private int carriedCount;
  private long poll;

  /**
   * Starts poll number {@code poll}: what was pending is carried into it.
   *
   * @return whether anything is carried, so the poll must not wait
   */
  boolean startPoll(long poll) {
    this.poll = poll;
    NativeSocket[] swap = carried;
    carried = pending;
    carriedCount = pendingCount;
    pending = swap;
    pendingCount = 0;
    for (int i = 0; i < carriedCount; i++) {
      carried[i].pending = false;
    }
    return carriedCount > 0;
  }

  /** Reports the sockets carried into this poll that are still open; returns how many. */
  int reportCarried(ReadyHandler handler) {
    int handed = 0;
    for (int i = 0; i < carriedCount; i++) {
      NativeSocket socket = carried[i];
      carried[i] = null;
      if (socket.isOpen() && report(socket, handler)) {
        handed++;
      }
    }
    carriedCount = 0;
    return handed;
  }

  /**
   * Hands {@code socket} to {@code handler} if its interest asks for what it can do and this poll
   * has not already; afterwards keeps it pending while that is still so. Readiness that comes after
   * its report in the same poll (a second completion for it) makes it pending too, or nothing would
   * report it again until the kernel had news for it.
   */
  boolean report(NativeSocket socket, ReadyHandler handler) {
    if (!socket.reportable()) {
      return false;
    }
    if (socket.reportedInPoll == poll) {
      add(socket);
      return false;
    }
    socket.reportedInPoll = poll;
    handler.ready(socket, socket.readable(), socket.writable());
    if (socket.isOpen() && socket.reportable()) {
      add(socket);
    }
    return true;
  }

  /** Makes the next poll report {@code socket} (if it is then still open and ready). */
  void add(NativeSocket socket) {
    if (socket.pending) {
      return;
    }
    socket.pending = true;
    if (pendingCount == pending.length) {
      pending = Arrays.copyOf(pending, pendingCount * 2);
      carried = Arrays.copyOf(carried, pending.length);
    }
    pending[pendingCount++] = socket;
  }
}
