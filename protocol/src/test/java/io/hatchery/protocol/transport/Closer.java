package io.hatchery.protocol.transport;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test opened, newest first, once the test is over: register one as a non-static
 * {@code @RegisterExtension} field and pass each transport through {@link #remember}. A close that
 * throws fails the test.
 */
final class Closer implements AfterEachCallback {
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Returns {@code closeable}, to be closed after the test. */
  <T extends AutoCloseable> T remember(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
    opened.clear();
  }
}
