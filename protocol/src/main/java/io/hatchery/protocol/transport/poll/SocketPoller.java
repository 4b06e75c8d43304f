package io.hatchery.protocol.transport.poll;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A listening TCP socket, the connections accepted from it and one readiness poller over all of
 * them: what the ROUTER's I/O thread needs from the operating system. Readiness is level-triggered,
 * as JDK NIO's: a socket stays ready while data waits, whether or not the last read took it all.
 *
 * <p>Thread-safety: {@link #wakeup()} from any thread, at any time, also after {@link #close()};
 * everything else, and every {@link PolledSocket}, on one I/O thread (the one that polls).
 */
public interface SocketPoller extends Closeable {
  /** The name of the implementation, for log lines ({@code nio}, {@code epoll}). */
  String name();

  /** The bound port (the ephemeral one when 0 was asked for). */
  int localPort();

  /**
   * Waits until the listener or a socket is ready as its interest asks, {@link #wakeup()} is
   * called, or {@code timeoutMillis} pass ({@code 0}: does not wait), then hands each ready one to
   * {@code handler}.
   *
   * @return how many the handler was given
   */
  int poll(long timeoutMillis, ReadyHandler handler) throws IOException;

  /**
   * Accepts one waiting connection.
   *
   * @return the new socket, with no interest and no attachment; null when none waits
   * @throws IOException if the system refused (such as the open-file limit); the connection then
   *     waits in the backlog
   */
  PolledSocket accept() throws IOException;

  /** Calls {@code action} for every open socket. It must not close or accept sockets. */
  void forEachSocket(Consumer<PolledSocket> action);

  /** Ends the current poll at once, or the next one if none is under way. Any thread. */
  void wakeup();

  /** Closes every socket, the listener and the poller. Never throws. */
  @Override
  void close();
}
