package io.hatchery.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatchery.master.control.SwarmRequest;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HtmlReportTest {

  @Test
  void writesAnOfflineReportWithTablesChartsDataAndRatio() throws Exception {
    FakeMasterControl control = new FakeMasterControl();
    control.start(SwarmRequest.of(4, 4));
    control.recordTraffic(30, 3);
    control.addException("it </script> broke");
    var snapshot = control.snapshot();
    StringWriter out = new StringWriter();
    HtmlReport.write(
        snapshot, List.of(HistoryPoint.of(snapshot)), WebServerIT.RECORDED_SCENARIO_TASKS, out);
    String html = out.toString();
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Request Statistics", "Response Time Statistics", "Failures Statistics")
        .contains("Exceptions Statistics", "it &lt;/script&gt; broke")
        .contains("<td>/items</td>", "<td>Aggregated</td>", "<td>63</td>")
        .contains("\"user_count\":4", "\"Browse\"")
        .contains("echarts")
        .doesNotContain("src=\"http", "href=\"http");
    assertThat(html.split("</script>", -1)).hasSize(6);
  }
}
