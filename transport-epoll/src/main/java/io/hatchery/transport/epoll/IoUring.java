package io.hatchery.transport.epoll;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * One io_uring instance (Linux 6.1 or later): its submission queue, completion queue and entries
 * mapped into this process, the few requests a poller makes (multishot {@code recv} into provided
 * buffers, {@code poll}, cancel), and {@code io_uring_enter}.
 *
 * <p>It is set up {@code SINGLE_ISSUER | DEFER_TASKRUN}: completions are only produced inside
 * {@link #enter}, in one batch, by the one thread allowed to submit. Without that, each completion
 * interrupts the thread as it happens, which cost three times what epoll does (bench/readloop). The
 * ring starts disabled ({@code R_DISABLED}) so that the issuing thread is the one that calls {@link
 * #enable()}, the poller's I/O thread, not the thread that bound it.
 *
 * <p>The layouts follow {@code linux/io_uring.h}; the queue indexes shared with the kernel are read
 * with acquire and written with release semantics.
 *
 * <p>Not thread-safe: {@link #open} on any thread, the rest on the issuing thread, except {@link
 * #close()}.
 */
final class IoUring {
  static final byte OP_POLL_ADD = 6;
  static final byte OP_ASYNC_CANCEL = 14;
  static final byte OP_RECV = 27;
  static final int CQE_F_BUFFER = 1;
  static final int CQE_F_MORE = 1 << 1;
  static final int CQE_BUFFER_SHIFT = 16;
  static final int POLLIN = 0x001;
  static final int POLLOUT = 0x004;

  private static final long SYS_SETUP = 425;
  private static final long SYS_ENTER = 426;
  private static final long SYS_REGISTER = 427;
  private static final int SETUP_CQSIZE = 1 << 3;
  private static final int SETUP_R_DISABLED = 1 << 6;
  private static final int SETUP_SUBMIT_ALL = 1 << 7;
  private static final int SETUP_SINGLE_ISSUER = 1 << 12;
  private static final int SETUP_DEFER_TASKRUN = 1 << 13;
  private static final int FEAT_NODROP = 1 << 1;
  private static final int FEAT_EXT_ARG = 1 << 8;
  private static final int ENTER_GETEVENTS = 1;
  private static final int ENTER_EXT_ARG = 1 << 3;
  private static final int REGISTER_ENABLE_RINGS = 12;
  private static final int REGISTER_PBUF_RING = 22;
  private static final byte SQE_BUFFER_SELECT = 1 << 5;
  private static final short RECV_MULTISHOT = 1 << 1;
  private static final int POLL_ADD_MULTI = 1;
  private static final int ETIME = 62;
  private static final int EBUSY = 16;

  private static final int PARAMS_BYTES = 120;
  private static final int SQE_BYTES = 64;
  private static final int CQE_BYTES = 16;
  private static final int GETEVENTS_ARG_BYTES = 24;

  private static final VarHandle INT = JAVA_INT.varHandle();

  final int fd;
  private final Syscalls sys;
  private final MemorySegment sqRing;
  private final MemorySegment cqRing;
  private final MemorySegment sqes;
  private final int sqEntries;
  private final int sqMask;
  private final int cqMask;
  private final long sqHeadOffset;
  private final long sqTailOffset;
  private final long cqHeadOffset;
  private final long cqTailOffset;
  private final long cqesOffset;
  private final MemorySegment waitArgument;
  private final MemorySegment timeout;
  private final MemorySegment noWaitArgument;

  /** Deferred work items an {@link #enter} runs before it looks at the completions: see there. */
  private final int runAtMost;

  private final MemorySegment registration;
  private int sqTail;
  private int cqHead;

  private IoUring(Syscalls sys, Arena arena, int fd, MemorySegment params) throws IOException {
    this.sys = sys;
    this.fd = fd;
    sqEntries = params.get(JAVA_INT, 0);
    int cqEntries = params.get(JAVA_INT, 4);
    sqHeadOffset = params.get(JAVA_INT, 40);
    sqTailOffset = params.get(JAVA_INT, 44);
    long sqMaskOffset = params.get(JAVA_INT, 48);
    long sqArrayOffset = params.get(JAVA_INT, 64);
    cqHeadOffset = params.get(JAVA_INT, 80);
    cqTailOffset = params.get(JAVA_INT, 84);
    long cqMaskOffset = params.get(JAVA_INT, 88);
    cqesOffset = params.get(JAVA_INT, 100);
    sqRing = map(sys, fd, sqArrayOffset + (long) sqEntries * Integer.BYTES, 0L);
    cqRing = map(sys, fd, cqesOffset + (long) cqEntries * CQE_BYTES, 0x8000000L);
    sqes = map(sys, fd, (long) sqEntries * SQE_BYTES, 0x10000000L);
    sqMask = sqRing.get(JAVA_INT, sqMaskOffset);
    cqMask = cqRing.get(JAVA_INT, cqMaskOffset);
    for (int i = 0; i < sqEntries; i++) {
      sqRing.set(JAVA_INT, sqArrayOffset + (long) i * Integer.BYTES, i); // entry i in slot i
    }
    sqTail = (int) INT.getAcquire(sqRing, sqTailOffset);
    cqHead = (int) INT.getAcquire(cqRing, cqHeadOffset);
    waitArgument = arena.allocate(GETEVENTS_ARG_BYTES, 8);
    timeout = arena.allocate(2 * Long.BYTES, 8);
    registration = arena.allocate(40, 8);
    waitArgument.set(JAVA_LONG, 16, timeout.address());
    noWaitArgument = arena.allocate(GETEVENTS_ARG_BYTES, 8);
    noWaitArgument.set(JAVA_LONG, 16, arena.allocate(2 * Long.BYTES, 8).address()); // 0 s, 0 ns
    runAtMost = Math.max(1, cqEntries / 2);
  }

  /**
   * Sets up a ring, disabled until {@link #enable()}.
   *
   * @throws IOException if the kernel refuses: too old ({@code EINVAL} for the flags), or io_uring
   *     is off or denied ({@code EPERM}: {@code kernel.io_uring_disabled}, a seccomp profile such
   *     as Docker's default); or lacks a feature this class needs
   */
  static IoUring open(Syscalls sys, Arena arena, int sqEntries, int cqEntries) throws IOException {
    MemorySegment params = arena.allocate(PARAMS_BYTES, 8);
    params.set(JAVA_INT, 4, cqEntries);
    params.set(
        JAVA_INT,
        8,
        SETUP_CQSIZE
            | SETUP_R_DISABLED
            | SETUP_SUBMIT_ALL
            | SETUP_SINGLE_ISSUER
            | SETUP_DEFER_TASKRUN);
    long result = sys.syscall(SYS_SETUP, sqEntries, params.address(), 0, 0);
    if (result < 0) {
      throw Errno.exception("io_uring_setup", (int) -result);
    }
    int fd = (int) result;
    try {
      int features = params.get(JAVA_INT, 20);
      if ((features & (FEAT_NODROP | FEAT_EXT_ARG)) != (FEAT_NODROP | FEAT_EXT_ARG)) {
        throw new IOException("io_uring lacks NODROP or EXT_ARG (features " + features + ")");
      }
      return new IoUring(sys, arena, fd, params);
    } catch (IOException | RuntimeException e) {
      Syscalls.close(fd);
      throw e;
    }
  }

  @SuppressWarnings("restricted") // the kernel's mapping, of the size it was asked for
  private static MemorySegment map(Syscalls sys, int fd, long bytes, long offset)
      throws IOException {
    return MemorySegment.ofAddress(sys.mmapShared(fd, bytes, offset)).reinterpret(bytes);
  }

  /**
   * Registers {@code entries} provided buffers described at {@code ringAddress} as {@code group}.
   */
  void registerBufferRing(long ringAddress, int entries, short group) throws IOException {
    registration.fill((byte) 0);
    registration.set(JAVA_LONG, 0, ringAddress);
    registration.set(JAVA_INT, 8, entries);
    registration.set(JAVA_SHORT, 12, group);
    long result = sys.syscall(SYS_REGISTER, fd, REGISTER_PBUF_RING, registration.address(), 1);
    if (result < 0) {
      throw Errno.exception("io_uring_register(PBUF_RING)", (int) -result);
    }
  }

  /** Enables the ring and makes the calling thread its only issuer. */
  void enable() throws IOException {
    long result = sys.syscall(SYS_REGISTER, fd, REGISTER_ENABLE_RINGS, 0, 0);
    if (result < 0) {
      throw Errno.exception("io_uring_register(ENABLE_RINGS)", (int) -result);
    }
  }

  /** Queues a multishot {@code recv} on {@code socket} into buffers of {@code group}. */
  void recvMultishot(int socket, short group, long userData) throws IOException {
    long sqe = nextEntry(OP_RECV, socket, userData);
    sqes.set(JAVA_BYTE, sqe + 1, SQE_BUFFER_SELECT);
    sqes.set(JAVA_SHORT, sqe + 2, RECV_MULTISHOT);
    sqes.set(JAVA_SHORT, sqe + 40, group);
  }

  /** Queues a poll of {@code descriptor} for {@code events}, multishot or once. */
  void poll(int descriptor, int events, boolean multishot, long userData) throws IOException {
    long sqe = nextEntry(OP_POLL_ADD, descriptor, userData);
    sqes.set(JAVA_INT, sqe + 24, multishot ? POLL_ADD_MULTI : 0);
    sqes.set(JAVA_INT, sqe + 28, events);
  }

  /** Queues the cancellation of the request made with {@code target}. */
  void cancel(long target, long userData) throws IOException {
    long sqe = nextEntry(OP_ASYNC_CANCEL, -1, userData);
    sqes.set(JAVA_LONG, sqe + 16, target);
  }

  /** A zeroed entry with its opcode, descriptor and user data set; its offset in {@link #sqes}. */
  private long nextEntry(byte opcode, int descriptor, long userData) throws IOException {
    if (sqTail - (int) INT.getAcquire(sqRing, sqHeadOffset) == sqEntries) {
      submit(); // full: let the kernel take what is queued
    }
    long sqe = (long) (sqTail & sqMask) * SQE_BYTES;
    for (int i = 0; i < SQE_BYTES; i += Long.BYTES) {
      sqes.set(JAVA_LONG, sqe + i, 0L);
    }
    sqes.set(JAVA_BYTE, sqe, opcode);
    sqes.set(JAVA_INT, sqe + 4, descriptor);
    sqes.set(JAVA_LONG, sqe + 32, userData);
    sqTail++;
    return sqe;
  }

  /**
   * Submits what is queued and runs the completions due, waiting for at least one when {@code wait}
   * (until {@code timeoutMillis} pass; a signal also ends the wait).
   *
   * <p>The deferred work (the receives of every socket with news) runs only in here, and since
   * Linux 6.13 one {@code io_uring_enter} runs at most max(20, its {@code min_complete}) items per
   * pass, two passes at most. Asking for one completion, or none, thus made each poll take 20 to 40
   * of them: at 10,000 connections the master received ~3,600 of 13,300 messages a second as they
   * came, the rest later and in bigger batches, until heartbeats waited long enough for workers to
   * be marked missing. So the first call asks for {@link #runAtMost} completions with a timeout of
   * zero: it runs all the work there is (up to that many) and returns at once; only if that
   * completed nothing and {@code wait}, a second call waits.
   */
  void enter(boolean wait, long timeoutMillis) throws IOException {
    INT.setRelease(sqRing, sqTailOffset, sqTail);
    int toSubmit = sqTail - (int) INT.getAcquire(sqRing, sqHeadOffset);
    check(
        sys.syscall(
            SYS_ENTER,
            fd,
            toSubmit,
            runAtMost,
            ENTER_GETEVENTS | ENTER_EXT_ARG,
            noWaitArgument.address(),
            GETEVENTS_ARG_BYTES));
    if (wait && completions() == 0) {
      timeout.set(JAVA_LONG, 0, timeoutMillis / 1000);
      timeout.set(JAVA_LONG, 8, (timeoutMillis % 1000) * 1_000_000L);
      check(
          sys.syscall(
              SYS_ENTER,
              fd,
              0,
              1,
              ENTER_GETEVENTS | ENTER_EXT_ARG,
              waitArgument.address(),
              GETEVENTS_ARG_BYTES));
    }
  }

  /** Fails on an {@code io_uring_enter} result other than success, a timeout or an interruption. */
  private static void check(long result) throws IOException {
    if (result < 0) {
      int errno = (int) -result;
      if (errno != ETIME && errno != Errno.EINTR && errno != EBUSY && errno != Errno.EAGAIN) {
        throw Errno.exception("io_uring_enter", errno);
      }
    }
  }

  /**
   * Submits what is queued, without running completions. A request must reach the kernel while its
   * descriptor still names the socket it was made for: the poller submits before it closes one, and
   * after it accepts one (so a later close cannot come first).
   */
  void submit() throws IOException {
    INT.setRelease(sqRing, sqTailOffset, sqTail);
    int toSubmit = sqTail - (int) INT.getAcquire(sqRing, sqHeadOffset);
    if (toSubmit == 0) {
      return;
    }
    long result = sys.syscall(SYS_ENTER, fd, toSubmit, 0, 0, 0, 0);
    if (result < 0 && result != -Errno.EINTR && result != -EBUSY && result != -Errno.EAGAIN) {
      throw Errno.exception("io_uring_enter", (int) -result);
    }
  }

  /** How many completions wait to be read. */
  int completions() {
    return (int) INT.getAcquire(cqRing, cqTailOffset) - cqHead;
  }

  /** The user data of the {@code i}-th waiting completion. */
  long userData(int i) {
    return cqRing.get(JAVA_LONG, cqe(i));
  }

  /** The result of the {@code i}-th waiting completion. */
  int result(int i) {
    return cqRing.get(JAVA_INT, cqe(i) + 8);
  }

  /** The flags of the {@code i}-th waiting completion. */
  int flags(int i) {
    return cqRing.get(JAVA_INT, cqe(i) + 12);
  }

  private long cqe(int i) {
    return cqesOffset + (long) ((cqHead + i) & cqMask) * CQE_BYTES;
  }

  /** Gives the first {@code count} waiting completions' slots back to the kernel. */
  void consumed(int count) {
    cqHead += count;
    INT.setRelease(cqRing, cqHeadOffset, cqHead);
  }

  /**
   * Unmaps the queues and closes the ring, which cancels its requests. Any thread; never throws.
   */
  void close() {
    Syscalls.munmap(sqRing.address(), sqRing.byteSize());
    Syscalls.munmap(cqRing.address(), cqRing.byteSize());
    Syscalls.munmap(sqes.address(), sqes.byteSize());
    Syscalls.close(fd);
  }
}
