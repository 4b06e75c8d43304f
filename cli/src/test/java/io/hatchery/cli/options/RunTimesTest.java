package io.hatchery.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class RunTimesTest {

  @ParameterizedTest
  @CsvSource({
    "20,20",
    "0,0",
    "90s,90",
    "20m,1200",
    "3h,10800",
    "1h30m,5400",
    "3h30m10s,12610",
    "1h10s,3610",
    "90m,5400"
  })
  void parsesLocustTimeSpans(String text, long seconds) {
    assertThat(RunTimes.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "1x", "1h30x", "30s5m", "1.5h", "-5", "h", "1d", " 20"})
  void refusesAnythingElseWithLocustsMessage(String text) {
    assertThatThrownBy(() -> RunTimes.parse(text))
        .hasMessage("Valid --run-time formats are: 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.");
  }
}
