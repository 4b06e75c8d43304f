package io.hatchery.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CommandLineReaderTest {

  private static Settings read(String... args) throws UsageException {
    SourceValues source = new CommandLineReader().read(List.of(args));
    return new Settings(source.values, source.positionals, source.notes);
  }

  @Test
  void readsArgparseSpellings() throws Exception {
    Settings s = read("-u10", "--spawn-rate=2", "-H", "http://x", "-t", "20", "--headless", "-P9");
    assertThat(s.integer(LocustOption.USERS).getAsInt()).isEqualTo(10);
    assertThat(s.decimal(LocustOption.SPAWN_RATE).getAsDouble()).isEqualTo(2.0);
    assertThat(s.host()).contains("http://x");
    assertThat(s.text(LocustOption.RUN_TIME)).contains("20");
    assertThat(s.headless()).isTrue();
    assertThat(s.integer(LocustOption.WEB_PORT).getAsInt()).isEqualTo(9);
  }

  @Test
  void uniquePrefixOfALongNameIsAccepted() throws Exception {
    assertThat(read("--only-sum").flag(LocustOption.ONLY_SUMMARY)).isTrue();
  }

  @Test
  void ambiguousPrefixIsAParseError() {
    assertThatThrownBy(() -> read("--head"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("hatchery: error: ambiguous option: --head could match")
        .extracting(e -> ((UsageException) e).exitCode())
        .isEqualTo(1);
  }

  @Test
  void listOptionTakesWordsUntilTheNextOption() throws Exception {
    Settings s = read("-T", "a", "b", "--headless", "UserX");
    assertThat(s.list(LocustOption.TAGS_OPTION)).containsExactly("a", "b");
    assertThat(s.userClasses()).containsExactly("UserX");
  }

  @Test
  void negativeNumberIsAValue() throws Exception {
    assertThat(read("--autoquit", "-1").integer(LocustOption.AUTOQUIT).getAsInt()).isEqualTo(-1);
  }

  @Test
  void lastOccurrenceWins() throws Exception {
    assertThat(read("-u", "1", "-u", "3").integer(LocustOption.USERS).getAsInt()).isEqualTo(3);
  }

  @Test
  void unknownOptionSuggestsTheClosest() {
    assertThatThrownBy(() -> read("--hedless"))
        .hasMessage(
            "hatchery: error: unrecognized arguments: --hedless (did you mean --headless?)");
    assertThatThrownBy(() -> read("--spawnrate=3"))
        .hasMessage(
            "hatchery: error: unrecognized arguments: --spawnrate=3 (did you mean --spawn-rate?)");
  }

  @Test
  void unknownOptionFarFromAnyNameSuggestsNothing() {
    assertThatThrownBy(() -> read("--zzzzzzzz"))
        .hasMessage("hatchery: error: unrecognized arguments: --zzzzzzzz");
  }

  @Test
  void malformedNumbersReadLikeArgparse() {
    assertThatThrownBy(() -> read("-u", "abc"))
        .hasMessage("hatchery: error: argument -u/--users: invalid int value: 'abc'");
    assertThatThrownBy(() -> read("-r", "fast"))
        .hasMessage("hatchery: error: argument -r/--spawn-rate: invalid float value: 'fast'");
    assertThatThrownBy(() -> read("-u"))
        .hasMessage("hatchery: error: argument -u/--users: expected one argument");
    assertThatThrownBy(() -> read("--headless=yes"))
        .hasMessage("hatchery: error: argument --headless: ignored explicit argument 'yes'");
  }
}
