package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TimespanTest {

  @Test
  void parsesLocustTimespans() {
    assertThat(Timespan.parse("20")).isEqualTo(Duration.ofSeconds(20));
    assertThat(Timespan.parse("20s")).isEqualTo(Duration.ofSeconds(20));
    assertThat(Timespan.parse("3m")).isEqualTo(Duration.ofMinutes(3));
    assertThat(Timespan.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Timespan.parse("1h20m")).isEqualTo(Duration.ofMinutes(80));
    assertThat(Timespan.parse("3h30m10s")).isEqualTo(Duration.ofSeconds(3 * 3600 + 30 * 60 + 10));
  }

  @Test
  void rejectsTextWithoutAUnitPrefixWithLocustsMessage() {
    assertThatThrownBy(() -> Timespan.parse("soon"))
        .hasMessage("Valid run_time formats are : 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.");
    assertThatThrownBy(() -> Timespan.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
