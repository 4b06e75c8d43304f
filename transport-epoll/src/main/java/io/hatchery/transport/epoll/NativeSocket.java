package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.PolledSocket;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * What the sockets of both native pollers share: the descriptor and token, the interest, writing
 * with {@code send}, the attachment, and the bookkeeping the poller's level-triggered reporting
 * needs ({@link #pending}, {@link #reportedInPoll}). How readiness is learned and how data is read
 * differs: {@link EpollSocket} reads with {@code recv} after an edge, {@link UringSocket} hands out
 * what io_uring already received.
 *
 * <p>Not thread-safe: the poller's I/O thread only.
 */
abstract sealed class NativeSocket implements PolledSocket permits EpollSocket, UringSocket {
  final int fd;

  /** The socket's slot in its poller and a generation (see {@link SocketSlots}). */
  final long token;

  final Syscalls sys;
  final NativeBuffers buffers;
  private final String remoteAddress;
  boolean wantRead;
  boolean wantWrite;

  /** The send buffer may take bytes: cleared by a short write, set again by the poller. */
  boolean writeReady;

  /**
   * Data, the end of stream or an error may wait in the kernel for {@link #receive}: set when the
   * poller learns so, cleared by a read that shows the socket drained.
   */
  boolean readReady;

  /** Whether it is in the poller's list of sockets to report without new readiness. */
  boolean pending;

  /** The poll that last reported it. */
  long reportedInPoll = -1;

  boolean open = true;
  private Object attachment;

  NativeSocket(
      int fd,
      long token,
      Syscalls sys,
      NativeBuffers buffers,
      String remoteAddress,
      boolean writeReady) {
    this.fd = fd;
    this.token = token;
    this.sys = sys;
    this.buffers = buffers;
    this.remoteAddress = remoteAddress;
    this.writeReady = writeReady;
  }

  @Override
  public final int write(ByteBuffer src) throws IOException {
    checkOpen();
    if (!src.hasRemaining()) {
      return 0;
    }
    long from;
    int bytes;
    if (src.isDirect()) {
      from = buffers.addressOf(src) + src.position();
      bytes = src.remaining();
    } else {
      MemorySegment scratch = buffers.scratch();
      bytes = (int) Math.min(src.remaining(), scratch.byteSize());
      from = scratch.address();
      MemorySegment.copy(MemorySegment.ofBuffer(src), 0, scratch, 0, bytes);
    }
    long result;
    do {
      result = sys.send(fd, from, bytes);
    } while (result == -Errno.EINTR);
    Reference.reachabilityFence(src); // its memory was passed as a raw address
    if (result >= 0) {
      if (result < bytes) {
        writeBlocked(); // the send buffer is full
      }
      src.position(src.position() + (int) result);
      return (int) result;
    }
    if (result == -Errno.EAGAIN) {
      writeBlocked();
      return 0;
    }
    throw Errno.exception("send", (int) -result);
  }

  /**
   * Reads with {@code recv} into {@code dst}, which has room. A short read or none ({@code EAGAIN})
   * shows the socket drained: {@link #readReady} is then false and {@link #drained()} runs.
   *
   * @return the bytes read, -1 at the end of stream (which stays readable), 0 if nothing waited
   */
  final int receive(ByteBuffer dst) throws IOException {
    long result;
    int wanted;
    if (dst.isDirect()) {
      wanted = dst.remaining();
      long address = buffers.addressOf(dst) + dst.position();
      do {
        result = sys.recv(fd, address, wanted);
      } while (result == -Errno.EINTR);
      Reference.reachabilityFence(dst); // its memory was passed as a raw address
      if (result > 0) {
        dst.position(dst.position() + (int) result);
      }
    } else {
      MemorySegment scratch = buffers.scratch();
      wanted = (int) Math.min(dst.remaining(), scratch.byteSize());
      do {
        result = sys.recv(fd, scratch.address(), wanted);
      } while (result == -Errno.EINTR);
      if (result > 0) {
        dst.put(scratch.asSlice(0, result).asByteBuffer());
      }
    }
    if (result > 0) {
      if (result < wanted) {
        readReady = false; // a stream socket gave less than asked: nothing more waits now
        drained();
      }
      return (int) result;
    }
    if (result == 0) {
      return -1;
    }
    if (result == -Errno.EAGAIN) {
      readReady = false;
      drained();
      return 0;
    }
    throw Errno.exception("recv", (int) -result);
  }

  /** A {@link #receive} found the socket drained; the poller may now wait for it another way. */
  void drained() {}

  /** The send buffer is full: {@link #writeReady} is false until the poller learns otherwise. */
  void writeBlocked() {
    writeReady = false;
  }

  /** Whether its user should hear about it now: it may be read or written, as its interest asks. */
  final boolean reportable() {
    return readable() || writable();
  }

  /** Whether it has data, the end of stream or an error to read, and its interest asks for that. */
  abstract boolean readable();

  final boolean writable() {
    return wantWrite && writeReady;
  }

  @Override
  public final boolean isOpen() {
    return open;
  }

  @Override
  public final Object attachment() {
    return attachment;
  }

  @Override
  public final void attach(Object attachment) {
    this.attachment = attachment;
  }

  @Override
  public final String remoteAddress() {
    return remoteAddress;
  }

  final void checkOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
