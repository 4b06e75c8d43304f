package io.hatchery.protocol.transport.poll;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One accepted, non-blocking TCP connection of a {@link SocketPoller}, with {@code TCP_NODELAY} and
 * keep-alive set.
 *
 * <p>Not thread-safe: only the poller's I/O thread uses it.
 */
public interface PolledSocket {
  /**
   * Reads what has arrived into {@code dst}, from its position.
   *
   * @return bytes read; 0 if none are waiting; -1 once the peer closed its end
   * @throws IOException if the connection failed (reset, closed)
   */
  int read(ByteBuffer dst) throws IOException;

  /**
   * Writes what the socket's send buffer takes of {@code src}, from its position.
   *
   * @return bytes written, 0 if the buffer is full
   * @throws IOException if the connection failed (reset, closed)
   */
  int write(ByteBuffer src) throws IOException;

  /**
   * Which readiness {@link SocketPoller#poll} reports for this socket from now on. A new socket
   * asks for none. No system call when nothing changes.
   */
  void interest(boolean read, boolean write) throws IOException;

  /** False once {@link #close()}d. */
  boolean isOpen();

  /** Closes the connection and stops polling it; later calls do nothing. Never throws. */
  void close();

  /** What the owner keeps with this socket (the ROUTER's peer), or null. */
  Object attachment();

  /** Sets {@link #attachment()}. */
  void attach(Object attachment);

  /** The peer's address as {@code /host:port}, as known when it was accepted. */
  String remoteAddress();
}
