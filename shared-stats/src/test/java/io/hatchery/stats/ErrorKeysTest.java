package io.hatchery.stats;

import static io.hatchery.stats.Fixtures.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorKeysTest {

  @Test
  void keyOfObservedBoomErrorMatchesCapturedTraffic() {
    // Captured from a real 2.12.1 worker: GET /fail raising Exception('boom').
    assertThat(ErrorKeys.key("GET", "/fail", ErrorTexts.ofException("Exception", "boom")))
        .isEqualTo("5f54408d941a239f2cab5c2ff0a0d0e8a02a7603ffd9e60dfe9533b4c6c92d90");
  }

  @Test
  void textsAndKeysEqualLocustsForTheFixtureErrors() {
    // error-keys.txt: StatsError.parse_error and create_key of Locust 2.12.1 for each error.
    List<Object> rows = Fixtures.values("error-keys.txt");
    assertThat(rows).hasSizeGreaterThan(10);
    for (Object row : rows) {
      List<Object> r = list(row);
      String method = (String) r.get(1);
      String name = (String) r.get(2);
      String text =
          r.get(0).equals("masked")
              ? ErrorTexts.maskAddresses((String) r.get(3))
              : textOf(list(r.get(3)));
      assertThat(text).as("text of %s", r.get(3)).isEqualTo(r.get(4));
      assertThat(ErrorKeys.key(method, name, text)).as("key of %s", r.get(3)).isEqualTo(r.get(5));
    }
  }

  @Test
  void nullMethodIsWrittenAsPythonNone() {
    assertThat(ErrorKeys.key(null, "/x", "'e'")).isEqualTo(ErrorKeys.key("None", "/x", "'e'"));
  }

  @Test
  void reprPicksQuotesLikePython() {
    assertThat(PythonStrings.repr("a")).isEqualTo("'a'");
    assertThat(PythonStrings.repr("it's")).isEqualTo("\"it's\"");
    assertThat(PythonStrings.repr("both ' and \"")).isEqualTo("'both \\' and \"'");
    assertThat(PythonStrings.repr("\u0000\u00a0\u00e9")).isEqualTo("'\\x00\\xa0\u00e9'");
  }

  private static String textOf(List<Object> spec) {
    if (spec.get(0).equals("message")) {
      return ErrorTexts.ofMessage((String) spec.get(1));
    }
    return ErrorTexts.ofException(
        (String) spec.get(1), spec.size() > 2 ? (String) spec.get(2) : null);
  }
}
