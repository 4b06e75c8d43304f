package io.hatchery.protocol.transport;

import java.io.IOException;
import java.net.BindException;
import org.zeromq.ZMQ;
import org.zeromq.ZMQ.Socket;
import org.zeromq.ZMQException;

/** Builds ZeroMQ endpoint strings and binds sockets with clear errors. Stateless. */
final class Endpoints {
  private Endpoints() {}

  /**
   * {@code tcp://host:port}. {@code host} may be {@code *} (all interfaces, Locust's default {@code
   * --master-bind-host}); {@code port} 0 asks the OS for an ephemeral port.
   */
  static String tcp(String host, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "tcp://" + bracketed + ":" + port;
  }

  /** True for {@code tcp://[v6-address]:port}, which needs {@code ZMQ_IPV6} on the socket. */
  static boolean isIpv6Literal(String endpoint) {
    return endpoint.startsWith("tcp://[");
  }

  /**
   * Binds {@code socket} to {@code endpoint} and returns the port actually bound (the ephemeral one
   * when the endpoint asked for 0), or -1 for a non-TCP endpoint. I/O thread only.
   *
   * @throws BindException if the address is in use or cannot be assigned
   */
  static int bind(Socket socket, String endpoint) throws IOException {
    try {
      if (!socket.bind(endpoint)) {
        throw new IOException("cannot bind " + endpoint + " (errno " + socket.errno() + ")");
      }
    } catch (ZMQException e) {
      if (e.getErrorCode() == ZMQ.Error.EADDRINUSE.getCode()) {
        throw new BindException("cannot bind " + endpoint + ": address already in use");
      }
      if (e.getErrorCode() == ZMQ.Error.EADDRNOTAVAIL.getCode()) {
        throw new BindException("cannot bind " + endpoint + ": address not available");
      }
      throw new IOException("cannot bind " + endpoint + ": " + e.getMessage(), e);
    }
    return port(socket.getLastEndpoint());
  }

  /**
   * Connects {@code socket} to {@code endpoint}. ZeroMQ connects (and reconnects) in the
   * background, so this fails only when the endpoint is invalid or its host does not resolve.
   */
  static void connect(Socket socket, String endpoint) throws IOException {
    try {
      if (!socket.connect(endpoint)) {
        throw new IOException("cannot connect to " + endpoint + " (errno " + socket.errno() + ")");
      }
    } catch (ZMQException e) {
      throw new IOException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
    }
  }

  private static int port(String lastEndpoint) {
    if (lastEndpoint == null || !lastEndpoint.startsWith("tcp://")) {
      return -1;
    }
    return Integer.parseInt(lastEndpoint.substring(lastEndpoint.lastIndexOf(':') + 1));
  }
}
