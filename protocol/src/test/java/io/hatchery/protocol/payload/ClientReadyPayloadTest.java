package io.hatchery.protocol.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.payload.ClientReadyPayload.Kind;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** client_ready data is classified, never rejected, and re-encodes exactly as received. */
@Timeout(10)
class ClientReadyPayloadTest {

  @Test
  void versionStringIsAcceptedWithItsText() {
    ClientReadyPayload payload = ClientReadyPayload.from("2.12.1");

    assertThat(payload.kind()).isEqualTo(Kind.VERSION);
    assertThat(payload.versionText()).contains("2.12.1");
    assertThat(payload.isAcceptable()).isTrue();
    assertThat(payload.toData()).isEqualTo("2.12.1");
  }

  @Test
  void debianEmptyVersionIsAcceptable() {
    ClientReadyPayload payload = ClientReadyPayload.from("");

    assertThat(payload.kind()).isEqualTo(Kind.EMPTY_VERSION);
    assertThat(payload.isAcceptable()).isTrue();
    assertThat(payload.versionText()).isEmpty();
    assertThat(payload.toData()).isEqualTo("");
  }

  @Test
  void minusOneIntAndStringAreDistinguished() {
    assertThat(ClientReadyPayload.from(-1L).kind()).isEqualTo(Kind.MINUS_ONE);
    assertThat(ClientReadyPayload.from("-1").kind()).isEqualTo(Kind.MINUS_ONE_STRING);
    assertThat(ClientReadyPayload.minusOne().toData()).isEqualTo(-1L);
    assertThat(ClientReadyPayload.from("-1").isAcceptable()).isTrue();
  }

  @Test
  void nilIsAPre20WorkerAndNotAcceptable() {
    ClientReadyPayload payload = ClientReadyPayload.from(null);

    assertThat(payload.kind()).isEqualTo(Kind.PRE_2_0);
    assertThat(payload.isAcceptable()).isFalse();
    assertThat(payload.toData()).isNull();
  }

  @Test
  void oddValuesAreClassifiedNotThrown() {
    for (Object odd :
        List.of(
            5L,
            0L,
            -2L,
            -1.0,
            true,
            false,
            Map.of("v", 1L),
            List.of(),
            new byte[] {1},
            BigInteger.TWO.pow(64))) {
      ClientReadyPayload payload = ClientReadyPayload.from(odd);

      assertThat(payload.kind()).as("%s", odd).isEqualTo(Kind.ODD);
      assertThat(payload.isAcceptable()).isFalse();
      assertThat(payload.toData()).isSameAs(odd);
    }
  }

  @Test
  void kindMustMatchData() {
    assertThatThrownBy(() -> new ClientReadyPayload(Kind.MINUS_ONE, "2.12.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
