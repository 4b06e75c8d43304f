package io.hatchery.protocol.payload;

import static io.hatchery.protocol.payload.Wire.bytesOf;
import static io.hatchery.protocol.payload.Wire.map;
import static io.hatchery.protocol.payload.Wire.overTheWire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import io.hatchery.protocol.payload.SpawningCompletePayload.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every sender's spawning_complete shape parses, and re-encodes with the sender's keys. */
@Timeout(10)
class SpawningCompletePayloadTest {

  @Test
  void locust2WorkerShape() throws ProtocolException {
    Map<Object, Object> data = map("user_classes_count", map("A", 2L, "B", 1L), "user_count", 3L);

    SpawningCompletePayload payload = SpawningCompletePayload.from(overTheWire(data));

    assertThat(payload.shape()).isEqualTo(Shape.LOCUST_2);
    assertThat(payload.userClassesCount()).containsEntry("A", 2L).containsEntry("B", 1L);
    assertThat(payload.userCount()).isEqualTo(3);
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void boomerAndLocust4jShapeWithEchoedClasses() throws ProtocolException {
    Map<Object, Object> data = map("count", 10L, "user_classes_count", map("Echo", 10L));

    SpawningCompletePayload payload = SpawningCompletePayload.from(data);

    assertThat(payload.shape()).isEqualTo(Shape.COUNT_AND_CLASSES);
    assertThat(payload.userCount()).isEqualTo(10);
    assertThat(bytesOf(payload.toData())).isEqualTo(bytesOf(data));
  }

  @Test
  void legacyCountOnlyShapeAlsoServesHatchComplete() throws ProtocolException {
    SpawningCompletePayload payload = SpawningCompletePayload.from(map("count", 7L));

    assertThat(payload.shape()).isEqualTo(Shape.COUNT_ONLY);
    assertThat(payload.userClassesCount()).isNull();
    assertThat(payload.toMap()).containsExactly(Map.entry("count", 7L));
  }

  @Test
  void masterRampUpCompleteShape() throws ProtocolException {
    SpawningCompletePayload payload = SpawningCompletePayload.from(map("user_count", 50L));

    assertThat(payload.shape()).isEqualTo(Shape.MASTER_USER_COUNT);
    assertThat(payload.toMap()).containsExactly(Map.entry("user_count", 50L));
  }

  @Test
  void classesAloneDeriveTheTotalLikeA2xMaster() throws ProtocolException {
    SpawningCompletePayload payload =
        SpawningCompletePayload.from(map("user_classes_count", map("A", 2L, "B", 5L)));

    assertThat(payload.shape()).isEqualTo(Shape.LOCUST_2);
    assertThat(payload.userCount()).isEqualTo(7);
  }

  @Test
  void ofBuildsTheLocust2ShapeWithSummedCount() {
    SpawningCompletePayload payload = SpawningCompletePayload.of(Map.of("A", 4L));

    assertThat(payload.toMap())
        .containsExactly(
            Map.entry("user_classes_count", Map.of("A", 4L)), Map.entry("user_count", 4L));
  }

  @Test
  void dataWithoutAnyCountIsRejected() {
    assertThatThrownBy(() -> SpawningCompletePayload.from(map("foo", 1L)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("needs user_classes_count, user_count or count");
    assertThatThrownBy(() -> SpawningCompletePayload.from(map("count", "7")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("count must be an int, got String");
  }

  @Test
  void shapeAndClassesMustAgree() {
    assertThatThrownBy(() -> new SpawningCompletePayload(Shape.COUNT_ONLY, Map.of("A", 1L), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpawningCompletePayload(Shape.LOCUST_2, null, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
