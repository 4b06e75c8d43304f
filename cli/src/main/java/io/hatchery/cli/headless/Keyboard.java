package io.hatchery.cli.headless;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads single key presses from a terminal, as Locust's {@code input_listener} does with termios:
 * when {@link System#console()} says stdin and stdout are a terminal, the terminal is put into
 * non-canonical mode ({@code stty -icanon -echo}) and each byte is handed to the listener on a
 * daemon thread; {@link #close()} restores the terminal. Elsewhere it does nothing.
 */
final class Keyboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Keyboard.class);
  private static final File TTY = new File("/dev/tty");

  private final boolean active;

  private Keyboard(boolean active) {
    this.active = active;
  }

  static Keyboard startIfTerminal(Consumer<Character> listener) {
    if (!isTerminal() || !TTY.exists()) {
      return new Keyboard(false);
    }
    if (!stty("-icanon", "-echo", "min", "1")) {
      return new Keyboard(false);
    }
    Thread reader =
        new Thread(
            () -> {
              InputStream in = System.in;
              try {
                int b;
                while ((b = in.read()) >= 0) {
                  listener.accept((char) b);
                }
              } catch (IOException e) {
                LOG.debug("Keyboard input ended: {}", e.toString());
              }
            },
            "hatchery-keyboard");
    reader.setDaemon(true);
    reader.start();
    return new Keyboard(true);
  }

  /**
   * {@code System.console() != null} meant "a terminal" up to JDK 21; from JDK 22 a console may
   * exist without one and {@code Console.isTerminal()} (not in our release-21 API) tells.
   */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void close() {
    if (active) {
      stty("icanon", "echo");
    }
  }

  private static boolean stty(String... settings) {
    String[] command = new String[settings.length + 1];
    command[0] = "stty";
    System.arraycopy(settings, 0, command, 1, settings.length);
    try {
      Process p = new ProcessBuilder(command).redirectInput(TTY).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
