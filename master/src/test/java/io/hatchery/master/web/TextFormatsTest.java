package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TextFormatsTest {

  @Test
  void floatsPrintAsPythonStr() {
    assertThat(Numbers.pythonFloat(277.0)).isEqualTo("277.0");
    assertThat(Numbers.pythonFloat(7.930885408294888)).isEqualTo("7.930885408294888");
    assertThat(Numbers.pythonFloat(1.0e7)).isEqualTo("10000000.0");
    assertThat(Numbers.pythonFloat(0.0)).isEqualTo("0.0");
    assertThat(Numbers.pythonFloat(1e-5)).isEqualTo("1e-05");
    assertThat(Numbers.pythonFloat(1.5e16)).isEqualTo("1.5e+16");
  }

  @Test
  void htmlEscapeMatchesPythonsHtmlEscape() {
    assertThat(PythonHtml.escape("<a href='x'>\"&\"</a>"))
        .isEqualTo("&lt;a href=&#x27;x&#x27;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    assertThat(PythonHtml.escape("'q' \"d\" <", false)).isEqualTo("'q' \"d\" &lt;");
  }

  @Test
  void prometheusLabelsEscapeBackslashQuoteAndNewline() {
    assertThat(PrometheusMetrics.label("a\\b\"c\nd")).isEqualTo("a\\\\b\\\"c\\nd");
  }

  @Test
  void credentialsSplitAtTheFirstColonAndHideThePassword() {
    WebCredentials credentials = WebCredentials.parse("user:pa:ss");
    assertThat(credentials.user()).isEqualTo("user");
    assertThat(credentials.password()).isEqualTo("pa:ss");
    assertThat(credentials.toString()).doesNotContain("pa:ss");
  }
}
