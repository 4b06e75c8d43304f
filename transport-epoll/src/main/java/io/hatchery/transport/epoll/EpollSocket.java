package io.hatchery.transport.epoll;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One accepted connection of an {@link EpollSocketPoller}.
 *
 * <p>Edge-triggered underneath, level-triggered to its user: the socket is registered once for
 * input and output with {@code EPOLLET}, so the kernel reports each change once and never polls it
 * again while nothing changes. {@link #readReady} and {@link #writeReady} remember an edge until a
 * read or write shows the socket drained or full (a short read, a short write, {@code EAGAIN});
 * while one of them meets the interest, the poller reports the socket on every poll, as a
 * level-triggered poller would. Changing the interest is a field write, not a system call.
 *
 * <p>Not thread-safe: the poller's I/O thread only.
 */
final class EpollSocket extends NativeSocket {
  private final EpollSocketPoller poller;

  EpollSocket(
      int fd,
      long token,
      EpollSocketPoller poller,
      Syscalls sys,
      NativeBuffers buffers,
      String remoteAddress) {
    super(fd, token, sys, buffers, remoteAddress, false);
    this.poller = poller;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    checkOpen();
    return dst.hasRemaining() ? receive(dst) : 0;
  }

  @Override
  public void interest(boolean read, boolean write) {
    wantRead = read;
    wantWrite = write;
    if (open && reportable()) {
      poller.reportAgain(this);
    }
  }

  /** Records an edge: what the kernel says the socket can do now. */
  void edge(int events) {
    if ((events & (Syscalls.EPOLLIN | Syscalls.EPOLLRDHUP | EpollSocketPoller.FAILED)) != 0) {
      readReady = true;
    }
    if ((events & (Syscalls.EPOLLOUT | EpollSocketPoller.FAILED)) != 0) {
      writeReady = true;
    }
  }

  @Override
  boolean readable() {
    return wantRead && readReady;
  }

  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    poller.release(this);
    Syscalls.close(fd); // also takes it out of the epoll set
  }
}
