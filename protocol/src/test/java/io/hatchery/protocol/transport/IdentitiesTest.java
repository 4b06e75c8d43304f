package io.hatchery.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

  @Test
  void nodeIdTravelsAsItsUtf8Bytes() throws Exception {
    byte[] identity = Identities.encode("häst_3c44d654");

    assertThat(identity).isEqualTo("häst_3c44d654".getBytes(StandardCharsets.UTF_8));
    assertThat(Identities.decode(identity)).isEqualTo("häst_3c44d654");
  }

  @Test
  void identityNotValidUtf8IsAProtocolException() {
    assertThatThrownBy(() -> Identities.decode(new byte[] {'a', (byte) 0xc3, 0x28}))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void zeroMqGeneratedIdentityIsNeverANodeIdEvenWhenItIsValidUtf8() {
    byte[] generated = {0, 0, 0, 0, 0x41};

    assertThat(Identities.nodeId(generated)).isEmpty();
  }

  @Test
  void nodeIdsZeroMqCannotCarryAreRejectedAtSend() {
    assertThatThrownBy(() -> Identities.encode("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Identities.encode("\0x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Identities.encode("x".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
