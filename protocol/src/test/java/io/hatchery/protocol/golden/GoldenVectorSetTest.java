package io.hatchery.protocol.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.protocol.MessageType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The golden vector set is complete: every expected folder is present and non-empty. */
@Timeout(30)
class GoldenVectorSetTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {GoldenVectors.RECORDED_2_12_1, "g0", "g1", "g1b", "boomer", "locust4j"})
  void folderHoldsVectorsWithTwins(String folder) {
    assertThat(GoldenVectors.folders()).contains(folder);
    assertThat(GoldenVectors.load(folder)).isNotEmpty();
  }

  @Test
  void foreignEncodingFoldersExist() {
    assertThat(GoldenVectors.folders()).containsAll(GoldenVectors.FOREIGN_ENCODINGS);
  }

  @Test
  void recordedVectorsCoverEveryCoreWorkerMessage() {
    assertThat(recordedTypes("w2m"))
        .contains(
            MessageType.CLIENT_READY,
            MessageType.HEARTBEAT,
            MessageType.STATS,
            MessageType.SPAWNING,
            MessageType.SPAWNING_COMPLETE,
            MessageType.EXCEPTION,
            MessageType.CLIENT_STOPPED,
            MessageType.QUIT);
  }

  @Test
  void recordedVectorsCoverEveryCoreMasterMessage() {
    assertThat(recordedTypes("m2w"))
        .contains(
            MessageType.ACK,
            MessageType.SPAWN,
            MessageType.STOP,
            MessageType.QUIT,
            MessageType.RECONNECT);
  }

  @Test
  void recordedVectorsIncludeCustomMessagesInBothDirections() {
    assertThat(recordedTypes("w2m")).anyMatch(type -> !MessageType.isKnown(type));
    assertThat(recordedTypes("m2w")).anyMatch(type -> !MessageType.isKnown(type));
  }

  private static Set<String> recordedTypes(String direction) {
    List<GoldenVector> vectors = GoldenVectors.load(GoldenVectors.RECORDED_2_12_1);
    return vectors.stream()
        .filter(vector -> vector.direction().equals(direction))
        .map(GoldenVector::typeInFileName)
        .collect(Collectors.toSet());
  }
}
