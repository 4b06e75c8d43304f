package io.hatchery.transport.epoll;

import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;

/**
 * The Linux {@code errno} values the epoll transport acts on (the same numbers on x86-64 and
 * AArch64), and the exceptions it turns the others into, worded as the JDK words them.
 */
final class Errno {
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int ENOMEM = 12;
  static final int EACCES = 13;
  static final int EINVAL = 22;
  static final int ENFILE = 23;
  static final int EMFILE = 24;
  static final int EPIPE = 32;
  static final int EPROTO = 71;
  static final int EAFNOSUPPORT = 97;
  static final int EADDRINUSE = 98;
  static final int EADDRNOTAVAIL = 99;
  static final int ECONNABORTED = 103;
  static final int ECONNRESET = 104;
  static final int ENOBUFS = 105;
  static final int ETIMEDOUT = 110;

  private Errno() {}

  /** A short description, as {@code strerror} gives it for the common ones. */
  static String describe(int errno) {
    return switch (errno) {
      case EINTR -> "Interrupted system call";
      case EAGAIN -> "Resource temporarily unavailable";
      case ENOMEM -> "Cannot allocate memory";
      case EACCES -> "Permission denied";
      case EINVAL -> "Invalid argument";
      case ENFILE -> "Too many open files in system";
      case EMFILE -> "Too many open files";
      case EPIPE -> "Broken pipe";
      case EPROTO -> "Protocol error";
      case EAFNOSUPPORT -> "Address family not supported by protocol";
      case EADDRINUSE -> "Address already in use";
      case EADDRNOTAVAIL -> "Cannot assign requested address";
      case ECONNABORTED -> "Software caused connection abort";
      case ECONNRESET -> "Connection reset by peer";
      case ENOBUFS -> "No buffer space available";
      case ETIMEDOUT -> "Connection timed out";
      default -> "errno " + errno;
    };
  }

  /** The exception for system call {@code call} failing with {@code errno}. */
  static IOException exception(String call, int errno) {
    String message = describe(errno) + " (" + call + ")";
    return switch (errno) {
      case ECONNRESET, EPIPE, ETIMEDOUT, ECONNABORTED -> new SocketException(message);
      default -> new IOException(message);
    };
  }

  /** The exception for {@code bind} failing with {@code errno} ("Address already in use", ...). */
  static BindException bindException(int errno) {
    return new BindException(describe(errno));
  }
}
