package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.Wire.bytesOf;
import static io.hatchery.protocol.payload.Wire.map;
import static io.hatchery.protocol.payload.Wire.overTheWire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ack, heartbeat, exception and the nil-data messages. */
@Timeout(10)
class SmallPayloadsTest {

  @Test
  void ackCarriesTheIndexAndToleratesA2100MastersNil() throws ProtocolException {
    assertThat(AckPayload.from(overTheWire(map("index", 3L))).index()).isEqualTo(3L);
    assertThat(AckPayload.from(null).index()).isNull();
    assertThat(AckPayload.from(map()).index()).isNull();
    assertThat(new AckPayload(0L).toData()).isEqualTo(Map.of("index", 0L));
    assertThat(new AckPayload(null).toData()).isNull();
    assertThatThrownBy(() -> AckPayload.from(map("index", "0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("ack index must be an int");
  }

  @Test
  void heartbeatParsesAndKeepsLocustKeyOrder() throws ProtocolException {
    Map<Object, Object> data =
        map("state", "running", "current_cpu_usage", 12.5, "current_memory_usage", 40_000_000L);

    HeartbeatPayload payload = HeartbeatPayload.from(overTheWire(data));

    assertThat(payload).isEqualTo(new HeartbeatPayload(WorkerState.RUNNING, 12.5, 40_000_000L));
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void heartbeatMemoryIsOptionalAndCpuMayBeAnInt() throws ProtocolException {
    HeartbeatPayload payload =
        HeartbeatPayload.from(map("state", "stopped", "current_cpu_usage", 3L));

    assertThat(payload.state()).isEqualTo(WorkerState.STOPPED);
    assertThat(payload.currentCpuUsagePercent()).isEqualTo(3.0);
    assertThat(payload.currentMemoryUsageBytes()).isNull();
    assertThat(payload.toMap()).containsOnlyKeys("state", "current_cpu_usage");
  }

  @Test
  void locust1HeartbeatCountIsKeptAfterTheCpu() throws ProtocolException {
    Map<Object, Object> data = map("state", "running", "current_cpu_usage", 7.3, "count", 4L);

    HeartbeatPayload payload = HeartbeatPayload.from(data);

    assertThat(payload.userCount()).isEqualTo(4L);
    assertThat(payload.currentMemoryUsageBytes()).isNull();
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void heartbeatWithoutStateOrCpuIsRejected() {
    // A 2.12.1 master dies on these (protocol.md §8.2); ours rejects the message instead.
    assertThatThrownBy(() -> HeartbeatPayload.from(map("state", "ready")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'current_cpu_usage'");
    assertThatThrownBy(() -> HeartbeatPayload.from(map("current_cpu_usage", 1.0)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'state'");
    assertThatThrownBy(() -> HeartbeatPayload.from(map("state", "READY", "current_cpu_usage", 1.0)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("unknown heartbeat state 'READY'");
  }

  @Test
  void workerStatesUseLocustSpelling() {
    assertThat(WorkerState.READY.wire()).isEqualTo("ready");
    assertThat(WorkerState.SPAWNING.wire()).isEqualTo("spawning");
    assertThat(WorkerState.fromWire("hatching")).contains(WorkerState.HATCHING);
    assertThat(WorkerState.fromWire("missing")).contains(WorkerState.MISSING);
    assertThat(WorkerState.fromWire("Ready")).isEmpty();
  }

  @Test
  void exceptionRoundTrips() throws ProtocolException {
    Map<Object, Object> data = map("msg", "boom", "traceback", "Traceback ...\n  ü");

    ExceptionPayload payload = ExceptionPayload.from(overTheWire(data));

    assertThat(payload).isEqualTo(new ExceptionPayload("boom", "Traceback ...\n  ü"));
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
    assertThatThrownBy(() -> ExceptionPayload.from(map("msg", "boom")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("'traceback'");
  }

  @Test
  void nilPayloadIgnoresDataAndEncodesNil() {
    assertThat(NilPayload.from("anything")).isSameAs(NilPayload.INSTANCE);
    assertThat(NilPayload.INSTANCE.toData()).isNull();
  }
}
