package io.hatchery.master.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PythonTokenizerTest {
  private final List<String> problems = new ArrayList<>();

  private List<PythonLine> tokenize(String source) {
    return PythonTokenizer.tokenize(source, (line, message) -> problems.add(line + ": " + message));
  }

  private static List<String> texts(PythonLine line) {
    return line.tokens().stream().map(PythonToken::text).toList();
  }

  @Test
  void commentsAndBlankLinesMakeNoLines() {
    List<PythonLine> lines = tokenize("# only a comment\n\n   \nx = 1  # trailing\n");

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).line()).isEqualTo(4);
    assertThat(texts(lines.get(0))).containsExactly("x", "=", "1");
  }

  @Test
  void bracketsAndBackslashesJoinPhysicalLinesIntoOneLogicalLine() {
    List<PythonLine> lines = tokenize("a = (1,\n  2)\nb = 1 + \\\n  2\nc = 3\n");

    assertThat(lines).extracting(PythonLine::line).containsExactly(1, 3, 5);
    assertThat(texts(lines.get(0))).containsExactly("a", "=", "(", "1", ",", "2", ")");
    assertThat(texts(lines.get(1))).containsExactly("b", "=", "1", "+", "2");
  }

  @Test
  void stringsOfEveryQuotingAreSingleTokensAndTripleQuotesCountTheirLines() {
    List<PythonLine> lines =
        tokenize("s = rb'a\\'b' + f\"{x}\" + '''one\ntwo # no comment\n'''\nt = 1\n");

    assertThat(texts(lines.get(0)))
        .containsExactly(
            "s", "=", "rb'a\\'b'", "+", "f\"{x}\"", "+", "'''one\ntwo # no comment\n'''");
    assertThat(lines.get(1).line()).isEqualTo(4);
    assertThat(problems).isEmpty();
  }

  @Test
  void indentationCountsTabsToMultiplesOfEightAndAcceptsCrlf() {
    List<PythonLine> lines = tokenize("class A:\r\n\tx = 1\r\n    \ty = 2\r\n");

    assertThat(lines).extracting(PythonLine::indent).containsExactly(0, 8, 8);
    assertThat(lines).extracting(PythonLine::line).containsExactly(1, 2, 3);
  }

  @Test
  void numbersOperatorsAndNamesAreSplitAsPythonDoes() {
    List<PythonLine> lines = tokenize("w: float=1_000.5e-3**2//0x1F != .5j\n");

    assertThat(texts(lines.get(0)))
        .containsExactly(
            "w", ":", "float", "=", "1_000.5e-3", "**", "2", "//", "0x1F", "!=", ".5j");
  }

  @Test
  void malformedSourceIsReportedWithItsLineAndTokenizingGoesOn() {
    List<PythonLine> lines = tokenize("a = 'open\nb = 2)\nc = \"\"\"never closed\n");

    assertThat(lines).extracting(PythonLine::line).containsExactly(1, 2, 3);
    assertThat(problems)
        .containsExactly(
            "1: unterminated string literal", "2: unmatched ')'", "3: unterminated string literal");
  }
}
