package io.hatchery.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class SmoothWeightedCycleTest {

  private static String take(SmoothWeightedCycle cycle, String names, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(names.charAt(cycle.next()));
    }
    return out.toString();
  }

  @Test
  void weightsFiveAndOneGiveLocustsDocumentedSequence() {
    // dispatch.py's _user_gen docstring: A, B with weights 5 and 1 yield AAABAAAAABAA.
    SmoothWeightedCycle cycle = new SmoothWeightedCycle(List.of(0, 1), List.of(5.0, 1.0));
    assertThat(take(cycle, "AB", 24)).isEqualTo("AAABAAAAABAA".repeat(2));
  }

  @Test
  void weightsTwoFiveSixGiveLocustsDocumentedPeriod() {
    SmoothWeightedCycle cycle = new SmoothWeightedCycle(List.of(0, 1, 2), List.of(2.0, 5.0, 6.0));
    assertThat(take(cycle, "ABC", 13)).isEqualTo("CBACBCBCBCABC");
  }

  @Test
  void normalisationRoundsHalfToEvenLikePython() {
    // min 4: 2*4/4 = 2, 2*5/4 = 2.5 -> 2 (half to even), 2*7.5/4 = 3.75 -> 4; period 8.
    SmoothWeightedCycle cycle = new SmoothWeightedCycle(List.of(0, 1, 2), List.of(4.0, 5.0, 7.5));
    assertThat(take(cycle, "abc", 8)).isEqualTo("cabccabc");
  }

  @Test
  void singleClassRepeatsForever() {
    SmoothWeightedCycle cycle = new SmoothWeightedCycle(List.of(3), List.of(0.25));
    assertThat(cycle.next()).isEqualTo(3);
    assertThat(cycle.next()).isEqualTo(3);
  }

  @Test
  void noClassesYieldNone() {
    SmoothWeightedCycle cycle = new SmoothWeightedCycle(List.of(), List.of());
    assertThat(cycle.next()).isEqualTo(SmoothWeightedCycle.NONE);
  }

  @Test
  void absurdlyUnevenWeightsAreRejected() {
    assertThatThrownBy(() -> new SmoothWeightedCycle(List.of(0, 1), List.of(1.0, 1e9)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
