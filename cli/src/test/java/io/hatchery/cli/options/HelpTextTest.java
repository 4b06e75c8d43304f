package io.hatchery.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HelpTextTest {

  @Test
  void helpMatchesTheGoldenText() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/golden/help.txt")) {
      assertThat(HelpText.render())
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyVisibleOptionAndEnvironmentVariableIsListed() {
    String help = HelpText.render();
    for (LocustOption option : LocustOption.values()) {
      if (option.help().isPresent()) {
        assertThat(help).contains(option.longName());
        option.envVar().ifPresent(env -> assertThat(help).contains(env));
      } else if (option != LocustOption.NUM_REQUESTS) {
        assertThat(help).doesNotContain(option.longName() + " ");
      }
    }
  }

  @Test
  void linesFitIn80Columns() {
    assertThat(HelpText.render().lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(81));
  }
}
