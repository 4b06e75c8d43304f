package io.hatchery.transport.epoll;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * One accepted connection of a {@link UringSocketPoller}. It receives one of two ways:
 *
 * <ul>
 *   <li>By a multishot {@code recv} ({@link #receiving}), the usual way: it keeps receiving into
 *       provided buffers whether or not anyone reads; each completion queues the buffer here
 *       ({@link #received}), and {@link #read} copies from the queue and recycles what it emptied.
 *       So a read is a copy, not a system call.
 *   <li>By {@code recv(2)} after a one-shot {@code POLLIN} poll ({@link #pollingIn}), when its
 *       multishot {@code recv} ended because the pool had no buffer free: the data waits in the
 *       kernel, as with epoll, until the poll completes ({@link #readReady}) and {@link #read}
 *       calls {@code recv} itself. Once such a read finds the socket drained, the poller starts a
 *       multishot {@code recv} again if the pool has room, or another poll.
 * </ul>
 *
 * <p>It is readable while something is queued, the end of stream or an error is, or the kernel said
 * data waits. Writes are {@code send}s, as with epoll; when the send buffer fills and the interest
 * asks for writing, a one-shot poll for {@code POLLOUT} says when it has room again.
 *
 * <p>Not thread-safe: the poller's I/O thread only.
 */
final class UringSocket extends NativeSocket {
  private final UringSocketPoller poller;
  private final ProvidedBuffers received;

  /** Queued buffers, oldest at {@link #head}: their ids and how many bytes each holds. */
  private int[] ids = new int[4];

  private int[] lengths = new int[4];
  private int head;
  private int queued;

  /** Bytes of the oldest queued buffer already read. */
  private int headOffset;

  private boolean endOfStream;
  private int errno;

  /** Whether its multishot {@code recv} is still active. */
  boolean receiving;

  /** Whether a {@code POLLOUT} poll is outstanding. */
  boolean pollingOut;

  /** Whether a {@code POLLIN} poll is outstanding (its multishot {@code recv} is not). */
  boolean pollingIn;

  UringSocket(
      int fd,
      long token,
      UringSocketPoller poller,
      Syscalls sys,
      NativeBuffers buffers,
      ProvidedBuffers received,
      String remoteAddress) {
    super(fd, token, sys, buffers, remoteAddress, true);
    this.poller = poller;
    this.received = received;
  }

  /**
   * One {@code recv} completion: {@code bytes} into buffer {@code id} when positive; 0 the end of
   * stream; negative an {@code errno}, of which {@code ENOBUFS} only means none was free.
   */
  void received(int bytes, int id) {
    if (bytes > 0) {
      enqueue(id, bytes);
    } else if (bytes == 0) {
      endOfStream = true;
    } else if (bytes != -Errno.ENOBUFS) {
      errno = -bytes;
    }
  }

  private void enqueue(int id, int bytes) {
    if (queued == ids.length) {
      int[] newIds = new int[queued * 2];
      int[] newLengths = new int[queued * 2];
      for (int i = 0; i < queued; i++) {
        newIds[i] = ids[(head + i) % ids.length];
        newLengths[i] = lengths[(head + i) % ids.length];
      }
      ids = newIds;
      lengths = newLengths;
      head = 0;
    }
    int at = (head + queued) % ids.length;
    ids[at] = id;
    lengths[at] = bytes;
    queued++;
  }

  /** Whether its {@code recv} has ended for good: the end of stream or an error. */
  boolean finished() {
    return endOfStream || errno != 0;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    checkOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    int copied = 0;
    MemorySegment target =
        dst.isDirect() ? buffers.segmentOf(dst) : MemorySegment.ofBuffer(dst.duplicate().clear());
    while (queued > 0 && dst.hasRemaining()) {
      int id = ids[head];
      int bytes = Math.min(lengths[head] - headOffset, dst.remaining());
      MemorySegment.copy(
          received.memory(), received.offset(id) + headOffset, target, dst.position(), bytes);
      dst.position(dst.position() + bytes);
      copied += bytes;
      headOffset += bytes;
      if (headOffset == lengths[head]) {
        dropHead();
      }
    }
    if (copied > 0) {
      return copied;
    }
    if (errno != 0) {
      throw Errno.exception("recv", errno);
    }
    if (endOfStream) {
      return -1;
    }
    return readReady ? receive(dst) : 0;
  }

  /** A {@code recv(2)} drained it: receive the next data by a multishot {@code recv} or a poll. */
  @Override
  void drained() {
    poller.receiveAgain(this);
  }

  /** The {@code POLLIN} poll completed: data, the end of stream or an error waits. */
  void pollInCompleted() {
    pollingIn = false;
    readReady = true;
  }

  private void dropHead() {
    received.recycle(ids[head]);
    head = (head + 1) % ids.length;
    headOffset = 0;
    queued--;
  }

  @Override
  void writeBlocked() {
    super.writeBlocked();
    pollOutIfWanted();
  }

  @Override
  public void interest(boolean read, boolean write) {
    wantRead = read;
    wantWrite = write;
    if (open) {
      pollOutIfWanted();
      if (reportable()) {
        poller.reportAgain(this);
      }
    }
  }

  private void pollOutIfWanted() {
    if (wantWrite && !writeReady && !pollingOut && open) {
      pollingOut = true;
      poller.pollOut(this);
    }
  }

  /** The {@code POLLOUT} poll completed: the send buffer has room, or the connection failed. */
  void pollOutCompleted() {
    pollingOut = false;
    writeReady = true;
  }

  @Override
  boolean readable() {
    return wantRead && (queued > 0 || endOfStream || errno != 0 || readReady);
  }

  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    while (queued > 0) {
      dropHead();
    }
    poller.release(this);
    Syscalls.close(fd); // the socket itself closes once its requests are cancelled
  }
}
