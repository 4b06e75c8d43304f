package io.hatchery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hatchery.cli.options.LocustOption;
import io.hatchery.cli.options.UsageException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BindingsTest {

  @Test
  void portInUseBecomesAClearMessageAndExitCodeOne() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket taken = new ServerSocket(0, 1, loopback)) {
      int port = taken.getLocalPort();
      UsageException e =
          catchThrowableOfType(
              UsageException.class,
              () ->
                  Bindings.bind(
                      LocustOption.WEB_PORT,
                      "127.0.0.1",
                      port,
                      () -> new ServerSocket(port, 1, loopback)));
      assertThat(e.exitCode()).isEqualTo(1);
      assertThat(e.getMessage())
          .isEqualTo(
              "Cannot listen on 127.0.0.1:"
                  + port
                  + " (--web-port): address already in use. Is another Locust or Hatchery"
                  + " running? Choose another port with --web-port.");
    }
  }

  @Test
  void otherFailuresPassThrough() {
    IllegalStateException boom = new IllegalStateException("boom");
    Throwable thrown =
        catchThrowableOfType(
            IllegalStateException.class,
            () ->
                Bindings.bind(
                    LocustOption.MASTER_BIND_PORT,
                    "*",
                    5557,
                    () -> {
                      throw boom;
                    }));
    assertThat(thrown).isSameAs(boom);
  }

  @Test
  void zeroMqStyleMessagesAreRecognised() {
    assertThat(Bindings.isAddressInUse(new RuntimeException("Errno 48 : EADDRINUSE"))).isTrue();
    assertThat(Bindings.isAddressInUse(new RuntimeException("refused"))).isFalse();
  }
}
