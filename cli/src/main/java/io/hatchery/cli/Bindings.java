package io.hatchery.cli;

import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.UsageException;
import java.net.BindException;
import java.util.concurrent.Callable;

/**
 * Turns "address already in use" while a mode binds a port into a clear message and exit code 1,
 * naming the option that chose the port. The check happens when binding (no probe-then-bind race).
 *
 * <pre>{@code
 * WebServer web = Bindings.bind(LocustOption.WEB_PORT, host, port, () -> WebServer.start(host, port));
 * }</pre>
 */
public final class Bindings {
  private Bindings() {}

  /** Runs {@code bind}; an address-in-use failure anywhere in its causes becomes a usage error. */
  public static <T> T bind(LocustOption option, String host, int port, Callable<T> bind)
      throws UsageException, Exception {
    try {
      return bind.call();
    } catch (Exception e) {
      if (isAddressInUse(e)) {
        throw UsageException.config(message(option, host, port));
      }
      throw e;
    }
  }

  /** The message for a port in use, e.g. for {@code --web-port 8089}. */
  static String message(LocustOption option, String host, int port) {
    String where = host == null || host.isEmpty() || host.equals("*") ? "" : host + ":";
    return "Cannot listen on "
        + where
        + port
        + " ("
        + option.longName()
        + "): address already in use. Is another Locust or Hatchery running? Choose another port"
        + " with "
        + option.longName()
        + ".";
  }

  /** Whether {@code failure} or one of its causes says the address is in use. */
  static boolean isAddressInUse(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (message.contains("address already in use") || message.contains("eaddrinuse")) {
        return true;
      }
    }
    return false;
  }
}
