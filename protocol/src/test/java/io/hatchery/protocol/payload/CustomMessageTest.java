package io.hatchery.protocol.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.Message;
import io.hatchery.protocol.MessageCodec;
import io.hatchery.protocol.MessageType;
import io.hatchery.protocol.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Custom messages pass any data through; Locust's own types are not custom. */
@Timeout(10)
class CustomMessageTest {

  @Test
  void customMessageRoundTripsThroughTheCodec() throws ProtocolException {
    CustomMessage custom = new CustomMessage("test_users", List.of("a", 1L, 2.5));

    Message back = MessageCodec.decode(MessageCodec.encode(custom.toMessage("node_1")));

    assertThat(CustomMessage.from(back)).isEqualTo(custom);
    assertThat(back.nodeId()).isEqualTo("node_1");
  }

  @Test
  void locustTypesAreNotCustom() {
    assertThatThrownBy(() -> CustomMessage.from(new Message(MessageType.STATS, null, "n")))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> new CustomMessage(MessageType.LOGS, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyLocustTypeIsKnownOnce() {
    assertThat(MessageType.known())
        .hasSize(18)
        .contains("client_ready", "hatch_complete", "update_user_class", "logs", "locustfile");
  }
}
