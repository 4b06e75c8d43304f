package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.master.control.SwarmRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SwarmFormTest {

  @Test
  void currentNamesWinOverThe0xNames() {
    SwarmRequest request =
        SwarmForm.parse(
            Map.of(
                "user_count",
                List.of("5"),
                "locust_count",
                List.of("9"),
                "spawn_rate",
                List.of("0.5"),
                "hatch_rate",
                List.of("3")));
    assertThat(request.userCount()).isEqualTo(5);
    assertThat(request.spawnRatePerSecond()).isEqualTo(0.5);
  }

  @Test
  void blankHostAndRunTimeMeanNone() {
    SwarmRequest request =
        SwarmForm.parse(
            Map.of(
                "user_count",
                List.of("1"),
                "spawn_rate",
                List.of("1"),
                "host",
                List.of(""),
                "run_time",
                List.of(" ")));
    assertThat(request.host()).isEmpty();
    assertThat(request.runTime()).isEmpty();
  }

  @Test
  void missingOrNonNumericCountsAreRefused() {
    assertThatThrownBy(() -> SwarmForm.parse(Map.of("spawn_rate", List.of("1"))))
        .hasMessageContaining("user_count");
    assertThatThrownBy(
            () -> SwarmForm.parse(Map.of("user_count", List.of("x"), "spawn_rate", List.of("1"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
