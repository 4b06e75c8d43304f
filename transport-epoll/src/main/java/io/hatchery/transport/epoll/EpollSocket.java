package io.hatchery.transport.epoll;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
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

  /** Data, the end of stream or an error may wait: set by an edge, cleared by a drained read. */
  private boolean readReady;

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
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (!dst.isDirect()) {
      return readThroughScratch(dst);
    }
    int wanted = dst.remaining();
    long address = buffers.addressOf(dst) + dst.position();
    long result;
    do {
      result = sys.recv(fd, address, wanted);
    } while (result == -Errno.EINTR);
    Reference.reachabilityFence(dst); // its memory was passed as a raw address
    if (result > 0) {
      dst.position(dst.position() + (int) result);
    }
    return afterRead(result, wanted);
  }

  private int readThroughScratch(ByteBuffer dst) throws IOException {
    MemorySegment scratch = buffers.scratch();
    int wanted = (int) Math.min(dst.remaining(), scratch.byteSize());
    long result;
    do {
      result = sys.recv(fd, scratch.address(), wanted);
    } while (result == -Errno.EINTR);
    if (result > 0) {
      dst.put(scratch.asSlice(0, result).asByteBuffer());
    }
    return afterRead(result, wanted);
  }

  /** The read's result for the caller; a short read or none means the socket is drained. */
  private int afterRead(long result, int wanted) throws IOException {
    if (result > 0) {
      if (result < wanted) {
        readReady = false; // a stream socket gave less than asked: nothing more waits now
      }
      return (int) result;
    }
    if (result == 0) {
      return -1; // the end of stream stays readable, as it would for a level-triggered poller
    }
    if (result == -Errno.EAGAIN) {
      readReady = false;
      return 0;
    }
    throw Errno.exception("recv", (int) -result);
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
