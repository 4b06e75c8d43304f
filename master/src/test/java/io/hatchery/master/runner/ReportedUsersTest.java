package io.hatchery.master.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatchery.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReportedUsersTest {

  @Test
  void readsPerClassCountsAndTotal() throws ProtocolException {
    ReportedUsers users = ReportedUsers.from(report(Map.of("A", 2L, "B", 3.0), 5L));

    assertThat(users.perClass()).containsExactlyInAnyOrderEntriesOf(Map.of("A", 2L, "B", 3L));
    assertThat(users.total()).isEqualTo(5);
  }

  @Test
  void aReportWithoutClassesHasOnlyATotal() throws ProtocolException {
    ReportedUsers users = ReportedUsers.from(report(null, 7.0));

    assertThat(users.perClass()).isNull();
    assertThat(users.total()).isEqualTo(7);
  }

  @Test
  void malformedCountsAreProtocolErrors() {
    Map<String, Object> noErrors = report(null, 1L);
    noErrors.remove("errors");
    Map<String, Object> noUserCount = report(null, 1L);
    noUserCount.remove("user_count");
    Map<Object, Object> intKey = new LinkedHashMap<>();
    intKey.put(1L, 1L);

    for (Map<String, Object> bad :
        List.of(
            noErrors,
            noUserCount,
            report(null, "5"),
            report(null, 1.5),
            report(Map.of("A", "x"), 1L),
            report(List.of(), 1L),
            report(intKey, 1L))) {
      assertThatThrownBy(() -> ReportedUsers.from(bad))
          .as("%s", bad)
          .isInstanceOf(ProtocolException.class);
    }
  }

  private static Map<String, Object> report(Object classes, Object userCount) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("stats", List.of());
    data.put("stats_total", Map.of());
    data.put("errors", Map.of());
    if (classes != null) {
      data.put("user_classes_count", classes);
    }
    data.put("user_count", userCount);
    return data;
  }
}
