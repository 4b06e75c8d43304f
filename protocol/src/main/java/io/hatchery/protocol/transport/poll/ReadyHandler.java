package io.hatchery.protocol.transport.poll;

/**
 * What a {@link SocketPoller#poll} found ready. Called on the I/O thread, during the poll, once per
 * ready socket; it may read, write, change interest, accept and close sockets (including ones the
 * same poll has yet to report: a socket closed by then is not reported).
 */
public interface ReadyHandler {
  /** The listening socket has connections waiting: {@link SocketPoller#accept()} takes them. */
  void acceptable();

  /**
   * {@code socket} can be read ({@code readable}: data, the peer's end of stream or an error, which
   * the next read reports) or written ({@code writable}), as far as its interest asked.
   */
  void ready(PolledSocket socket, boolean readable, boolean writable);
}
