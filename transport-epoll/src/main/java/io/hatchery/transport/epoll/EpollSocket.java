package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.PolledSocket;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * One accepted connection of an {@link EpollSocketPoller}: its file descriptor, its token in the
 * epoll set, its interest and what the kernel last said it can do.
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
final class EpollSocket implements PolledSocket {
  final int fd;

  /** The epoll data of this socket: its slot in the poller and a generation (see the poller). */
  final long token;

  private final EpollSocketPoller poller;
  private final Syscalls sys;
  private final String remoteAddress;
  private boolean wantRead;
  private boolean wantWrite;

  /** Data, the end of stream or an error may wait: set by an edge, cleared by a drained read. */
  private boolean readReady;

  /** The send buffer may take bytes: set by an edge, cleared by a short write. */
  private boolean writeReady;

  /** Whether it is in the poller's list of sockets to report without a new edge. */
  boolean pending;

  /** The poll that last reported it (see {@link EpollSocketPoller}). */
  long reportedInPoll = -1;

  private boolean open = true;
  private Object attachment;

  EpollSocket(int fd, long token, EpollSocketPoller poller, Syscalls sys, String remoteAddress) {
    this.fd = fd;
    this.token = token;
    this.poller = poller;
    this.sys = sys;
    this.remoteAddress = remoteAddress;
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
    long address = poller.addressOf(dst) + dst.position();
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
    MemorySegment scratch = poller.scratch();
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
    throw Errno.exception("read", (int) -result);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    checkOpen();
    if (!src.hasRemaining()) {
      return 0;
    }
    long from;
    int bytes;
    if (src.isDirect()) {
      from = poller.addressOf(src) + src.position();
      bytes = src.remaining();
    } else {
      MemorySegment scratch = poller.scratch();
      bytes = (int) Math.min(src.remaining(), scratch.byteSize());
      from = scratch.address();
      MemorySegment.copy(MemorySegment.ofBuffer(src), 0, scratch, 0, bytes);
    }
    long result;
    do {
      result = sys.send(fd, from, bytes);
    } while (result == -Errno.EINTR);
    Reference.reachabilityFence(src);
    if (result >= 0) {
      if (result < bytes) {
        writeReady = false; // the send buffer is full; an edge says when it has room again
      }
      src.position(src.position() + (int) result);
      return (int) result;
    }
    if (result == -Errno.EAGAIN) {
      writeReady = false;
      return 0;
    }
    throw Errno.exception("send", (int) -result);
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

  /** Whether its user should hear about it now: it may be read or written, as its interest asks. */
  boolean reportable() {
    return readable() || writable();
  }

  boolean readable() {
    return wantRead && readReady;
  }

  boolean writable() {
    return wantWrite && writeReady;
  }

  @Override
  public boolean isOpen() {
    return open;
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

  @Override
  public Object attachment() {
    return attachment;
  }

  @Override
  public void attach(Object attachment) {
    this.attachment = attachment;
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  private void checkOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
