/**
 * The operating-system side of the master's TCP ROUTER: a listening socket, the connections it
 * accepted and one readiness poller over them ({@link
 * io.hatchery.protocol.transport.poll.SocketPoller}).
 *
 * <p>Two implementations: JDK NIO (here, every platform and JDK) and, on Linux with JDK 22 or
 * later, epoll through the Foreign Function and Memory API (module {@code transport-epoll}), which
 * costs the I/O thread less CPU per message than the JDK's selector (bench/README.md §4). {@link
 * io.hatchery.protocol.transport.poll.SocketPollers#open} picks one (system property {@code
 * hatchery.transport}).
 */
package io.hatchery.protocol.transport.poll;
