package io.hatchery.worker.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * Node ids as Locust 0.10+ forms them: {@code hostname + "_" + uuid4 hex} (32 lowercase hex
 * digits). The master's dispatcher reads the part before the first {@code _} as the host name, so
 * an underscore inside the host name is kept as Locust keeps it. Stateless.
 */
public final class NodeIds {
  private NodeIds() {}

  /** Returns {@code <hostname>_<32 hex>} with a random (type 4) UUID. */
  public static String generate() {
    return hostname() + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // Locust4j falls back the same way; Python's socket.gethostname() never fails.
      return "unknown";
    }
  }
}
