package io.hatchery.transport.epoll;

import io.hatchery.protocol.transport.poll.PolledSocket;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;

/**
 * One accepted connection of an {@link EpollSocketPoller}: its file descriptor, its token in the
 * epoll set and the events it is registered for (none: not in the set, as JDK NIO does it, so a
 * hung-up socket nobody reads cannot make every poll return at once).
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
  private int registeredEvents;
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
    long address = poller.addressOf(dst) + dst.position();
    long result;
    do {
      result = sys.read(fd, address, dst.remaining());
    } while (result == -Errno.EINTR);
    Reference.reachabilityFence(dst); // its memory was passed as a raw address
    return afterRead(dst, result);
  }

  private int readThroughScratch(ByteBuffer dst) throws IOException {
    MemorySegment scratch = poller.scratch();
    long room = Math.min(dst.remaining(), scratch.byteSize());
    long result;
    do {
      result = sys.read(fd, scratch.address(), room);
    } while (result == -Errno.EINTR);
    if (result > 0) {
      dst.put(scratch.asSlice(0, result).asByteBuffer());
      return (int) result;
    }
    return afterRead(dst, result);
  }

  private int afterRead(ByteBuffer dst, long result) throws IOException {
    if (result > 0) {
      if (dst.isDirect()) {
        dst.position(dst.position() + (int) result);
      }
      return (int) result;
    }
    if (result == 0) {
      return -1;
    }
    if (result == -Errno.EAGAIN) {
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
      src.position(src.position() + (int) result);
      return (int) result;
    }
    if (result == -Errno.EAGAIN) {
      return 0;
    }
    throw Errno.exception("send", (int) -result);
  }

  @Override
  public void interest(boolean read, boolean write) throws IOException {
    int wanted = (read ? Syscalls.EPOLLIN : 0) | (write ? Syscalls.EPOLLOUT : 0);
    if (!open || wanted == registeredEvents) {
      return;
    }
    int operation =
        registeredEvents == 0
            ? Syscalls.EPOLL_CTL_ADD
            : wanted == 0 ? Syscalls.EPOLL_CTL_DEL : Syscalls.EPOLL_CTL_MOD;
    poller.control(operation, fd, wanted, token);
    registeredEvents = wanted;
  }

  /** Whether the poller should report it readable (its interest includes reading). */
  boolean wantsRead() {
    return (registeredEvents & Syscalls.EPOLLIN) != 0;
  }

  /** Whether the poller should report it writable (its interest includes writing). */
  boolean wantsWrite() {
    return (registeredEvents & Syscalls.EPOLLOUT) != 0;
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
